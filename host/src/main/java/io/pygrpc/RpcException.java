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
   * The exception for a failed call. A status the client raised itself (a transport failure, a
   * deadline) gets details a user can act on instead of grpc-java's; see
   * {@link ClientStatusDetails}.
   *
   * @param authority the server the call went to, for messages
   */
  public static RpcException of(Status status, Metadata trailers, String authority) {
    return of(status, null, trailers, authority);
  }

  /** As {@link #of(Status, Metadata, String)}, with the response headers if any arrived. */
  public static RpcException of(Status status, Metadata headers, Metadata trailers,
      String authority) {
    String details = ClientStatusDetails.of(status, authority);
    return new RpcException(details == null ? status : status.withDescription(details), headers,
        trailers);
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
