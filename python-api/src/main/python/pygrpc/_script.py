"""Runs a script file as __main__, the way `python script.py` does."""

import sys

from pygrpc._paths import dirname


def run(path: str) -> int:
    """Runs the file and returns its exit status."""
    try:
        with open(path, 'rb') as f:
            source = f.read()
    except OSError as e:
        print("pygrpc: can't open file %r: %s" % (path, e), file=sys.stderr)
        return 2
    return _run(source, path, dirname(path))


def run_code(source: str, filename: str) -> int:
    """Runs code given on the command line (-c, filename '<string>') or piped in ('<stdin>'),
    as python does: the working folder first on sys.path."""
    return _run(source, filename, '')


def _run(source, filename: str, folder: str) -> int:
    main = type(sys)('__main__')
    if not filename.startswith('<'):
        main.__file__ = filename
    main.__builtins__ = __builtins__
    sys.modules['__main__'] = main
    sys.path.insert(0, folder)
    try:
        exec(compile(source, filename, 'exec'), main.__dict__)
        return 0
    except SystemExit as e:
        return _exit_status(e.code)
    except KeyboardInterrupt:
        return 130
    except BaseException as e:
        _print_traceback(e)
        return 1
    finally:
        _join_threads()
        _flush()


def _join_threads() -> None:
    # Like the interpreter at exit: wait for the script's non-daemon threads.
    threading = sys.modules.get('threading')
    if threading is not None:
        try:
            threading._shutdown()
        except Exception:
            pass


def _exit_status(code) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def _print_traceback(e: BaseException) -> None:
    import traceback
    # Drop this runner's own frame so the traceback starts at the script.
    tb = e.__traceback__.tb_next if e.__traceback__ is not None else None
    if isinstance(e, SyntaxError):
        tb = None  # the error is in the script's text, not in a frame of it
    traceback.print_exception(type(e), e, tb)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def load(source: str, path: str, values=None) -> dict:
    """Runs a hook file's source once, as the module __main__, and returns its namespace: how a
    JVM application that embeds pygrpc gets the functions it calls as hooks. The host reads the
    file (a sandboxed script may not), so only its folder joins sys.path, for its _pb2 modules."""
    main = type(sys)('__main__')
    main.__file__ = path
    main.__builtins__ = __builtins__
    if values is not None:
        main.__dict__.update(values)  # what the host application hands the script by name
    sys.modules['__main__'] = main
    folder = dirname(path)
    if folder and folder not in sys.path:
        sys.path.insert(0, folder)
    exec(compile(source, path, 'exec'), main.__dict__)
    return main.__dict__
