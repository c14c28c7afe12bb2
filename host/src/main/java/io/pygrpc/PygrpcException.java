package io.pygrpc;

import static java.util.Objects.requireNonNull;

/**
 * A usage or set-up error: a bad argument, an unknown method or field, a value that cannot be
 * converted, a schema that cannot be found or read.
 *
 * <p>Messages are sentence fragments that name what was wanted, what was given and where. The
 * {@link Kind} tells the guest bindings which natural guest exception to raise.
 *
 * @since 0.3.0
 */
public class PygrpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What sort of mistake this is; each maps to the guest language's natural exception. */
  public enum Kind {
    /** A value of the right type but not acceptable ({@code ValueError}). */
    VALUE,
    /** A value of the wrong type ({@code TypeError}). */
    TYPE,
    /** An unknown method, service, message or field ({@code LookupError}). */
    LOOKUP,
    /** A schema module or file that cannot be found ({@code ModuleNotFoundError}). */
    NOT_FOUND,
    /** A schema file that was found but cannot be read as one ({@code pygrpc.DescriptorError}). */
    DESCRIPTOR,
    /** Something the host application does not allow this script ({@code PermissionError}). */
    PERMISSION,
    /** A wait that ran out before what it waited for ({@code TimeoutError}). */
    TIMEOUT
  }

  private final Kind kind;

  public PygrpcException(Kind kind, String message) {
    super(message);
    this.kind = requireNonNull(kind, "kind");
  }

  public PygrpcException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = requireNonNull(kind, "kind");
  }

  /** The sort of mistake. */
  public Kind kind() {
    return kind;
  }
}
