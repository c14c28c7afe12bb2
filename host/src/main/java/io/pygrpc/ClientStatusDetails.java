package io.pygrpc;

import io.grpc.Status;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The details a script sees for a status the client raised itself (a transport failure, a
 * deadline), in place of grpc-java's, which are written for grpc-java's developers: "io
 * exception" with the cause elsewhere, errno prefixes, name-resolution delays and stream
 * bookkeeping. A server's own details are left as they came.
 */
final class ClientStatusDetails {
  private static final Pattern DEADLINE_AFTER = Pattern.compile(
      "^(?:CallOptions|Context) deadline exceeded after (\\d+(?:\\.\\d+)?)s\\b");
  private static final Pattern DEADLINE_BEFORE = Pattern.compile(
      "^ClientCall started after (?:CallOptions|Context) deadline was exceeded\\b");
  /** grpc-java's note that the call never got a connection: "open=[[..., was_still_waiting]]". */
  private static final Pattern STILL_CONNECTING = Pattern.compile(
      "\\bwas_still_waiting\\b|\\bwaiting_for_connection\\b");

  private ClientStatusDetails() {}

  /**
   * The details for {@code status}, or null to keep its own.
   *
   * @param authority the server the call went to, for messages; may be null
   */
  static String of(Status status, String authority) {
    if (status.getCause() != null) {
      return transportFailure(status, authority);
    }
    if (status.getCode() == Status.Code.DEADLINE_EXCEEDED && status.getDescription() != null) {
      return deadline(status.getDescription(), authority);
    }
    return null;
  }

  /**
   * A status raised by the client's own transport carries its reason in the cause ("io
   * exception" alone says nothing): the root cause's message, with the server's address for
   * {@code UNAVAILABLE}.
   */
  private static String transportFailure(Status status, String authority) {
    Throwable cause = status.getCause();
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
    return details;
  }

  /**
   * The client's own deadline: how long the call ran, and whether it was still waiting for a
   * connection — what tells a slow server from an unreachable one.
   */
  private static String deadline(String description, String authority) {
    String details;
    Matcher after = DEADLINE_AFTER.matcher(description);
    if (after.find()) {
      details = String.format(Locale.ROOT, "deadline exceeded after %.3f s",
          Double.parseDouble(after.group(1)));
    } else if (DEADLINE_BEFORE.matcher(description).find()) {
      details = "deadline exceeded before the call started";
    } else {
      return null;
    }
    if (STILL_CONNECTING.matcher(description).find()) {
      details += authority == null ? ", still connecting" : ", still connecting to " + authority;
    }
    return details;
  }
}
