package io.pygrpc.descriptor.compiler;

/** A mistake in a {@code .proto} file, at a position; reported as {@code file:line:col: message}. */
final class ProtoSyntaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProtoSyntaxError(String file, int line, int column, String message) {
    super(file + ":" + line + ":" + column + ": " + message, null, false, false);
  }

  /** A mistake found after parsing, where only the element is known, not its line. */
  ProtoSyntaxError(String message) {
    super(message, null, false, false);
  }
}
