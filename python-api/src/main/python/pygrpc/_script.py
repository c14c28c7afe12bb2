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


def arm() -> None:
    """Ctrl-C raises KeyboardInterrupt, as in python: the host hands SIGINT to this handler.
    _signal, not signal: the module's enums cost a cold start ~0.4 s in the interpreter."""
    import _signal
    _signal.signal(_signal.SIGINT, _ctrl_c)


def _ctrl_c(signum, frame):
    # The host may have raised this Ctrl-C already, in a call that was waiting for the server.
    from pygrpc._host import bridge
    if bridge.claimInterrupt():
        raise KeyboardInterrupt


def _run(source, filename: str, folder: str) -> int:
    main = type(sys)('__main__')
    if not filename.startswith('<'):
        main.__file__ = filename
    main.__builtins__ = __builtins__
    sys.modules['__main__'] = main
    sys.path.insert(0, folder)
    try:
        exec(compile(source, filename, 'exec'), main.__dict__)
        status = 0
    except SystemExit as e:
        status = _exit_status(e.code)
    except KeyboardInterrupt as e:
        _print_traceback(e)  # as python prints it, then 130 as the shell reports Ctrl-C
        status = 130
    except BaseException as e:
        _print_traceback(e)
        status = 1
    try:
        _join_threads()
    except KeyboardInterrupt:
        status = 130  # Ctrl-C while waiting for the script's threads: leave them
    _flush()
    return status


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
    # Drop this runner's own frame so the traceback starts at the script, and the Ctrl-C
    # handler's, which python's own (in C) does not have.
    tb = e.__traceback__.tb_next if e.__traceback__ is not None else None
    if isinstance(e, SyntaxError):
        tb = None  # the error is in the script's text, not in a frame of it
    last = tb
    while last is not None and last.tb_next is not None:
        if last.tb_next.tb_frame.f_code is _ctrl_c.__code__:
            last.tb_next = None
        else:
            last = last.tb_next
    # The interpreter's own printer: importing traceback cost a cold run ~1.2 s.
    sys.excepthook(type(e), e.with_traceback(tb), tb)


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
