package io.pygrpc.call;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rich error model: the {@code google.rpc.Status} a server may put in the
 * {@code grpc-status-details-bin} trailer, with its details unpacked into the standard
 * {@code google.rpc} messages ({@code ErrorInfo}, {@code BadRequest}, {@code RetryInfo}, ...).
 *
 * @since 0.3.0
 */
public final class RichStatus {
  private static final Map<String, Message> KNOWN = Map.ofEntries(
      entry(ErrorInfo.getDefaultInstance()), entry(BadRequest.getDefaultInstance()),
      entry(RetryInfo.getDefaultInstance()), entry(DebugInfo.getDefaultInstance()),
      entry(QuotaFailure.getDefaultInstance()), entry(PreconditionFailure.getDefaultInstance()),
      entry(RequestInfo.getDefaultInstance()), entry(ResourceInfo.getDefaultInstance()),
      entry(Help.getDefaultInstance()), entry(LocalizedMessage.getDefaultInstance()));

  private RichStatus() {}

  /** The server's {@code google.rpc.Status}, or null when it sent none. */
  public static com.google.rpc.Status of(Status status, Metadata trailers) {
    return trailers == null ? null : StatusProto.fromStatusAndTrailers(status, trailers);
  }

  /**
   * The details of the server's {@code google.rpc.Status}, standard types unpacked, others
   * left as {@code google.protobuf.Any}; empty when there are none.
   */
  public static List<Message> details(Status status, Metadata trailers) {
    com.google.rpc.Status rich = of(status, trailers);
    List<Message> out = new ArrayList<>();
    if (rich == null) {
      return out;
    }
    for (Any any : rich.getDetailsList()) {
      String type = any.getTypeUrl().substring(any.getTypeUrl().lastIndexOf('/') + 1);
      Message prototype = KNOWN.get(type);
      if (prototype == null) {
        out.add(any);
        continue;
      }
      try {
        out.add(prototype.getParserForType().parseFrom(any.getValue()));
      } catch (InvalidProtocolBufferException e) {
        out.add(any);
      }
    }
    return out;
  }

  private static Map.Entry<String, Message> entry(Message prototype) {
    return Map.entry(prototype.getDescriptorForType().getFullName(), prototype);
  }
}
