"""The host bridge: the one object this package gets from the JVM that runs it."""

import polyglot

bridge = polyglot.import_value('pygrpc.host')
if bridge is None:
    raise ImportError('pygrpc can only be imported in a script run by the pygrpc launcher '
                      'or by a JVM application that embeds pygrpc')
