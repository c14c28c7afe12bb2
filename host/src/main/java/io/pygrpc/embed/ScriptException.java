package io.pygrpc.embed;

/**
 * A script or hook that did not complete: it raised (or threw) an error, ran past its time
 * limit, or tried something its sandbox refuses. The message is the script's error as its own
 * language prints it ({@code RpcError: UNAVAILABLE: ...}), never a Java stack trace of pygrpc.
 *
 * @since 0.4.0
 */
public final class ScriptException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the script did not complete. */
  public enum Reason {
    /** The script raised an error it did not catch. */
    ERROR,
    /** The script ran past its time limit and was stopped. */
    TIME_LIMIT,
    /** The script tried something its sandbox does not allow. */
    DENIED,
    /** The session was closed, or broke at an earlier time limit. */
    CLOSED,
    /** The script called exit. */
    EXIT
  }

  private final Reason reason;
  private final String guestType;

  ScriptException(Reason reason, String guestType, String message) {
    super(message);
    this.reason = reason;
    this.guestType = guestType;
  }

  /** Why the script did not complete. */
  public Reason reason() {
    return reason;
  }

  /** The guest's error type ({@code RpcError}, {@code ValueError}, ...), or null. */
  public String guestType() {
    return guestType;
  }
}
