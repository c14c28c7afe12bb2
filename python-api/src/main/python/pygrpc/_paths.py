"""The two path helpers pygrpc needs, without importing os: on a cold GraalPy, `import os`
(with abc and _collections_abc, which it pulls in) is a tenth of a hello-world's start-up."""

import sys

if sys.platform == 'win32':
    from os import getcwd  # noqa: F401
    from os.path import dirname  # noqa: F401
else:
    from posix import getcwd  # noqa: F401  (the function os.getcwd is)

    def dirname(path: str) -> str:
        """os.path.dirname, as posixpath has it."""
        cut = path.rfind('/') + 1
        head = path[:cut]
        if head and head != '/' * len(head):
            head = head.rstrip('/')
        return head
