package io.pygrpc.call;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.RpcException;

/**
 * The call shapes over grpc-java, for dynamic messages. The switch on {@code MethodType} lives
 * here and nowhere else.
 *
 * @since 0.3.0
 */
public final class DynamicCalls {
  private DynamicCalls() {}

  /**
   * Makes a unary call and waits for the reply.
   *
   * @throws RpcException when the call ends with a non-OK status
   * @throws PygrpcException when the method is not unary (other shapes come with their own
   *     entry points)
   */
  public static DynamicMessage unary(Channel channel,
      MethodDescriptor<DynamicMessage, DynamicMessage> method, CallOptions options,
      DynamicMessage request) {
    requireNonNull(channel, "channel");
    requireNonNull(request, "request");
    if (method.getType() != MethodDescriptor.MethodType.UNARY) {
      throw new PygrpcException(Kind.VALUE, "\"" + method.getFullMethodName() + "\" is a "
          + method.getType().name().toLowerCase().replace('_', '-')
          + " method; this version of pygrpc makes unary calls only");
    }
    try {
      return ClientCalls.blockingUnaryCall(channel, method, options, request);
    } catch (StatusRuntimeException e) {
      throw RpcException.of(e.getStatus(), e.getTrailers(), channel.authority());
    } catch (RuntimeException e) {
      // grpc-java reports most failures as a status; anything else becomes one, not a crash.
      Status status = Status.fromThrowable(e);
      throw RpcException.of(status.getCode() == Status.Code.UNKNOWN
          && status.getDescription() == null ? status.withDescription(String.valueOf(e)) : status,
          null, channel.authority());
    }
  }
}
