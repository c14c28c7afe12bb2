package io.pygrpc.descriptor;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.RpcException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a server's reflection service one question at a time, over {@code grpc.reflection.v1},
 * falling back to {@code v1alpha} for servers that only have the older one. The two versions
 * share one wire format, so the v1 messages serve both.
 */
final class ReflectionClient {
  private static final MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> V1 =
      ServerReflectionGrpc.getServerReflectionInfoMethod();
  private static final MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse>
      V1ALPHA = V1.toBuilder()
          .setFullMethodName("grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")
          .build();
  private static final long TIMEOUT_SECONDS = 20;

  private final Channel channel;
  private volatile MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> method = V1;

  ReflectionClient(Channel channel) {
    this.channel = channel;
  }

  /** The channel's target, for messages. */
  String target() {
    return channel.authority();
  }

  /**
   * Sends one request and waits for its answer.
   *
   * @throws PygrpcException when the server has no reflection service
   * @throws RpcException when the call fails otherwise (server down, deadline)
   */
  ServerReflectionResponse ask(ServerReflectionRequest request) {
    try {
      return ask(method, request);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED || method != V1) {
        throw failure(e);
      }
    }
    try {
      ServerReflectionResponse response = ask(V1ALPHA, request);
      method = V1ALPHA;
      return response;
    } catch (StatusRuntimeException e) {
      throw failure(e);
    }
  }

  private RuntimeException failure(StatusRuntimeException e) {
    if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
      return new PygrpcException(Kind.LOOKUP, "server " + target() + " does not support the "
          + "reflection API; load the schema from its _pb2 modules, .proto files or a "
          + "descriptor set instead");
    }
    return RpcException.of(e.getStatus(), e.getTrailers(), target());
  }

  private ServerReflectionResponse ask(
      MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> rpc,
      ServerReflectionRequest request) {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    ClientCall<ServerReflectionRequest, ServerReflectionResponse> call = channel.newCall(rpc,
        CallOptions.DEFAULT.withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    StreamObserver<ServerReflectionRequest> requests = ClientCalls.asyncBidiStreamingCall(call,
        new StreamObserver<>() {
          @Override
          public void onNext(ServerReflectionResponse value) {
            answer.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            answer.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            answer.completeExceptionally(Status.INTERNAL
                .withDescription("the reflection service closed the stream without answering")
                .asRuntimeException());
          }
        });
    requests.onNext(request);
    requests.onCompleted();
    try {
      return answer.get(TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      call.cancel("interrupted", e);
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
    } catch (TimeoutException e) {
      call.cancel("timed out", e);
      throw Status.DEADLINE_EXCEEDED.withDescription("the reflection service did not answer")
          .asRuntimeException();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof StatusRuntimeException s ? s
          : Status.fromThrowable(cause).asRuntimeException();
    }
  }
}
