package io.pygrpc.call;

import com.google.protobuf.DynamicMessage;
import io.grpc.Status;
import io.pygrpc.RpcException;

/**
 * The client's own check of max_send_message_size, before a request goes out: grpc-java's
 * outbound limit fails inside its delayed stream, where the blocking unary path only logs it.
 */
public final class RequestLimit {
  private RequestLimit() {}

  /**
   * @throws RpcException {@code RESOURCE_EXHAUSTED} when the request is larger than {@code max}
   */
  public static DynamicMessage check(DynamicMessage request, Integer max) {
    if (max != null && request.getSerializedSize() > max) {
      throw new RpcException(Status.RESOURCE_EXHAUSTED.withDescription("request of "
          + request.getSerializedSize() + " bytes is larger than max_send_message_size " + max),
          null);
    }
    return request;
  }
}
