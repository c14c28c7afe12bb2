package io.pygrpc.guest;

import io.grpc.Metadata;
import io.grpc.Status;
import io.pygrpc.RpcException;
import io.pygrpc.call.RichStatus;
import io.pygrpc.convert.MessageView;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * What a script can ask of a finished (or failed) call, as grpcio's {@code Call} offers it:
 * metadata, status, and the server's rich error details.
 */
public final class CallInfo {
  private final Status status;
  private final Metadata headers;
  private final Metadata trailers;
  private final GuestHelpers helpers;

  CallInfo(Status status, Metadata headers, Metadata trailers, GuestHelpers helpers) {
    this.status = status;
    this.headers = headers == null ? new Metadata() : headers;
    this.trailers = trailers == null ? new Metadata() : trailers;
    this.helpers = helpers;
  }

  static CallInfo of(RpcException e, GuestHelpers helpers) {
    return new CallInfo(e.status(), e.headers(), e.trailers(), helpers);
  }

  /** The response headers as (name, value) pairs; binary values as byte sequences. */
  @HostAccess.Export
  public List<List<Object>> headers() {
    return pairs(headers);
  }

  /** The trailers as (name, value) pairs, without the ones gRPC itself uses. */
  @HostAccess.Export
  public List<List<Object>> trailers() {
    return pairs(trailers);
  }

  /** The status code's name ({@code OK}, {@code NOT_FOUND}). */
  @HostAccess.Export
  public String code() {
    return status.getCode().name();
  }

  /** The status message. */
  @HostAccess.Export
  public String details() {
    return status.getDescription() == null ? "" : status.getDescription();
  }

  /** A one-line technical account of the failure, as grpcio's debug_error_string. */
  @HostAccess.Export
  public String debugErrorString() {
    StringBuilder out = new StringBuilder("{\"grpc_status\":").append(status.getCode().value())
        .append(",\"grpc_message\":\"").append(details().replace("\"", "\\\"")).append('"');
    if (status.getCause() != null) {
      out.append(",\"cause\":\"").append(String.valueOf(status.getCause()).replace("\"", "\\\""))
          .append('"');
    }
    return out.append('}').toString();
  }

  /** The server's rich error details (google.rpc ErrorInfo, BadRequest, ...) as messages. */
  @HostAccess.Export
  public List<Object> errorDetails() {
    List<Object> out = new ArrayList<>();
    for (var detail : RichStatus.details(status, trailers)) {
      out.add(helpers.message(helpers.view(detail)));
    }
    return out;
  }

  static List<List<Object>> pairs(Metadata metadata) {
    List<List<Object>> out = new ArrayList<>();
    for (String key : metadata.keys()) {
      if (key.startsWith("grpc-") || key.equals("content-type") || key.equals("te")) {
        continue; // gRPC's own headers; grpc-status-details-bin is decoded by errorDetails()
      }
      if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        for (byte[] value : metadata.getAll(Metadata.Key.of(key,
            Metadata.BINARY_BYTE_MARSHALLER))) {
          Object[] unsigned = new Object[value.length];
          for (int i = 0; i < value.length; i++) {
            unsigned[i] = value[i] & 0xFF;
          }
          out.add(List.of(key, ProxyArray.fromArray(unsigned)));
        }
      } else {
        for (String value : metadata.getAll(Metadata.Key.of(key,
            Metadata.ASCII_STRING_MARSHALLER))) {
          out.add(List.of(key, value));
        }
      }
    }
    return out;
  }
}
