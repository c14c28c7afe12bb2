"""The interactive prompt of `pygrpc` with no script: Python's own console, with pygrpc's
names imported, and completion of attributes and of method names in client.request('..."""

import code
import re
import sys

import pygrpc
from pygrpc import Client, Message, RpcError, StatusCode, DescriptorError

BANNER = ('pygrpc %s on GraalPy, Python %d.%d. Client, RpcError and StatusCode are imported.\n'
          "Try: c = Client('localhost', 50051); c.load(); c.request('SayHello', name='you')\n"
          'Tab completes; exit() or Ctrl-D leaves.')

_namespace = {'__name__': '__main__', '__builtins__': __builtins__, 'pygrpc': pygrpc,
              'Client': Client, 'Message': Message, 'RpcError': RpcError,
              'StatusCode': StatusCode, 'DescriptorError': DescriptorError}
_console = code.InteractiveConsole(_namespace, filename='<stdin>')
_CALL = re.compile(r"""([A-Za-z_][\w.]*)\.request\(\s*(['"])([\w./]*)$""")


def banner(version: str) -> str:
    return BANNER % (version, sys.version_info[0], sys.version_info[1])


class _Quitter:
    # exit() and quit() as python's site module gives them at its prompt.
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Use %s() or Ctrl-D (i.e. EOF) to exit' % self.name

    def __call__(self, code=None):
        raise SystemExit(code)


_namespace['exit'] = _Quitter('exit')
_namespace['quit'] = _Quitter('quit')


def push(line: str):
    """Runs a line; True when the statement needs more lines, an int (the status) when it
    asked to leave."""
    try:
        return _console.push(line)
    except SystemExit as e:
        code = e.code
        return code if isinstance(code, int) and not isinstance(code, bool) else (
            0 if code is None else 1)
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()


def reset() -> None:
    """Forgets a half-typed statement (Ctrl-C at the prompt)."""
    _console.resetbuffer()


def complete(buffer: str) -> list:
    """What may follow the text before the cursor: method names inside client.request('...,
    else names and attributes, as rlcompleter gives them."""
    call = _CALL.search(buffer)
    if call is not None:
        try:
            client = eval(call.group(1), _namespace)
        except Exception:
            client = None
        if isinstance(client, Client):
            prefix = call.group(3)
            names = []
            for service in client.services():
                for method in client.methods(service):
                    short = method.rsplit('.', 1)[1]
                    for name in (short, method):
                        if name.startswith(prefix) and name not in names:
                            names.append(name)
            return names
    match = re.search(r'[\w.]*$', buffer)
    text = match.group(0) if match else ''
    import rlcompleter
    completer = rlcompleter.Completer(_namespace)
    found = []
    state = 0
    while True:
        candidate = completer.complete(text, state)
        if candidate is None:
            return found
        found.append(candidate)
        state += 1
