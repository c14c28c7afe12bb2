package io.pygrpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Metadata;
import io.grpc.Status;

/**
 * A call that ended with a non-OK gRPC status, as the server or the transport reported it.
 *
 * <p>Kept apart from {@link PygrpcException}: this is the server's answer, not a mistake in the
 * script. The guest sees it as {@code pygrpc.RpcError}.
 *
 * @since 0.3.0
 */
public final class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Status status;
  private final transient Metadata headers;
  private final transient Metadata trailers;

  public RpcException(Status status, Metadata trailers) {
    this(status, null, trailers);
  }

  public RpcException(Status status, Metadata headers, Metadata trailers) {
    super(message(requireNonNull(status, "status")), status.getCause());
    this.status = status;
    this.headers = headers == null ? new Metadata() : headers;
    this.trailers = trailers == null ? new Metadata() : trailers;
  }

  /**
   * The exception for a failed call. A status raised by the client's own transport carries its
   * reason in the cause ("io exception" alone says nothing): the root cause's message becomes
   * the details, with the server address for {@code UNAVAILABLE}.
   *
   * @param authority the server the call went to, for messages
   */
  public static RpcException of(Status status, Metadata trailers, String authority) {
    return of(status, null, trailers, authority);
  }

  /** As {@link #of(Status, Metadata, String)}, with the response headers if any arrived. */
  public static RpcException of(Status status, Metadata headers, Metadata trailers,
      String authority) {
    Throwable cause = status.getCause();
    if (cause == null) {
      return new RpcException(status, headers, trailers);
    }
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getMessage();
    // Netty prefixes TLS failures with its handler pipeline, and its native transport's errors
    // with the system call and errno ("finishConnect(..) failed with error(-111): "): not for
    // users' eyes; the reason after them is.
    reason = reason.replaceFirst("^Channel Pipeline: \\[[^]]*]: ", "")
        .replaceFirst("^\\w+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: ", "");
    String description = status.getDescription();
    if (description != null && description.startsWith("io exception")) {
      description = null; // grpc-java's word for "the transport's cause", which follows
    }
    String details = description == null || description.isEmpty() ? reason
        : description + ": " + reason;
    if (status.getCode() == Status.Code.UNAVAILABLE && authority != null) {
      details += " (connecting to " + authority + ")";
    }
    return new RpcException(status.withDescription(details), headers, trailers);
  }

  /** The status code. */
  public Status.Code code() {
    return status.getCode();
  }

  /** The status description the server sent, or an empty string. */
  public String details() {
    String description = status.getDescription();
    return description == null ? "" : description;
  }

  /** The response headers (initial metadata), empty when none arrived. */
  public Metadata headers() {
    return headers;
  }

  /** The full status, with its cause when the client's transport raised it. */
  public Status status() {
    return status;
  }

  /** The trailing metadata, empty when the call failed before any arrived. */
  public Metadata trailers() {
    return trailers;
  }

  private static String message(Status status) {
    String description = status.getDescription();
    return description == null || description.isEmpty()
        ? status.getCode().name()
        : status.getCode() + ": " + description;
  }
}
