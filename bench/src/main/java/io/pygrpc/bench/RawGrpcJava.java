package io.pygrpc.bench;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.pygrpc.call.DynamicMethods;
import io.pygrpc.demo.DemoSchema;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * The bench's raw grpc-java contenders, each a rate in calls or messages a second against the
 * demo server on {@code port}, after a warm-up of a tenth of {@code count}: the blocking stub
 * and pygrpc's call path from Java (unary), the blocking iterator and an async observer
 * (server streaming), and the async stub with a bounded number in flight (bulk).
 */
final class RawGrpcJava {
  private RawGrpcJava() {}

  private static MethodDescriptor method(String service, String name) {
    Map<String, com.google.protobuf.Descriptors.FileDescriptor> files = DemoSchema.load();
    for (var file : files.values()) {
      var found = file.findServiceByName(service);
      if (found != null) {
        return found.findMethodByName(name);
      }
    }
    throw new IllegalStateException(service + " not in the demo schema");
  }

  private static DynamicMessage message(Descriptor type, String field, Object value) {
    return DynamicMessage.newBuilder(type).setField(type.findFieldByName(field), value).build();
  }

  /** The fastest plain grpc-java set-up found: Netty, plaintext, direct execution. */
  private static ManagedChannel rawChannel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().directExecutor()
        .build();
  }

  static double rawUnary(int port, int count) {
    MethodDescriptor say = method("Greeter", "SayHello");
    var grpc = DynamicMethods.of(say);
    DynamicMessage request = message(say.getInputType(), "name", "bench");
    ManagedChannel channel = rawChannel(port);
    try {
      for (int i = 0; i < Math.max(1, count / 10); i++) {
        ClientCalls.blockingUnaryCall(channel, grpc, io.grpc.CallOptions.DEFAULT, request);
      }
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        ClientCalls.blockingUnaryCall(channel, grpc, io.grpc.CallOptions.DEFAULT, request);
      }
      return count / ((System.nanoTime() - start) / 1e9);
    } finally {
      channel.shutdownNow();
    }
  }

  /**
   * Sequential unary count the way pygrpc makes them, from Java with no script: each started by
   * one task on the channel's event loop. Faster than the blocking stub on this machine, so the
   * unary figure takes whichever of the two is faster in each round as "raw grpc-java": the
   * ratio is then the script layer's own cost.
   */
  static double loopUnary(int port, int count) {
    MethodDescriptor say = method("Greeter", "SayHello");
    var grpc = DynamicMethods.of(say);
    DynamicMessage request = message(say.getInputType(), "name", "bench");
    ManagedChannel channel = io.pygrpc.call.Channels.open("127.0.0.1:" + port);
    io.grpc.Channel started = io.pygrpc.call.LoopStartedChannel.of(channel);
    try {
      for (int i = 0; i < Math.max(1, count / 10); i++) {
        io.pygrpc.call.DynamicCalls.unary(started, grpc, io.pygrpc.call.CallSettings.DEFAULT,
            request);
      }
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        io.pygrpc.call.DynamicCalls.unary(started, grpc, io.pygrpc.call.CallSettings.DEFAULT,
            request);
      }
      return count / ((System.nanoTime() - start) / 1e9);
    } finally {
      io.pygrpc.call.Channels.close(channel);
    }
  }

  static double rawStream(int port, int count) {
    MethodDescriptor ticks = method("RouteGuide", "Ticks");
    var grpc = DynamicMethods.of(ticks);
    ManagedChannel channel = rawChannel(port);
    try {
      var warm = ClientCalls.blockingServerStreamingCall(channel, grpc,
          io.grpc.CallOptions.DEFAULT, message(ticks.getInputType(), "count",
              (long) Math.max(1, count / 10)));
      warm.forEachRemaining(m -> { });
      long start = System.nanoTime();
      var it = ClientCalls.blockingServerStreamingCall(channel, grpc,
          io.grpc.CallOptions.DEFAULT,
          message(ticks.getInputType(), "count", (long) count));
      long seen = 0;
      while (it.hasNext()) {
        it.next();
        seen++;
      }
      return seen / ((System.nanoTime() - start) / 1e9);
    } finally {
      channel.shutdownNow();
    }
  }

  /**
   * Server streaming through the async stub with a direct executor: each message handed to an
   * observer on the transport's thread, the next one asked for as it returns. The blocking
   * iterator asks for one message at a time across a thread hand-off, so alone it would make
   * a weak baseline; the figure takes the faster of the two in each round.
   */
  static double observedStream(int port, int count) throws InterruptedException {
    MethodDescriptor ticks = method("RouteGuide", "Ticks");
    var grpc = DynamicMethods.of(ticks);
    ManagedChannel channel = rawChannel(port);
    try {
      observe(channel, grpc, message(ticks.getInputType(), "count",
          (long) Math.max(1, count / 10)));
      long start = System.nanoTime();
      long seen = observe(channel, grpc,
          message(ticks.getInputType(), "count", (long) count));
      if (seen != count) {
        throw new IllegalStateException("the stream ended after " + seen + " of " + count);
      }
      return seen / ((System.nanoTime() - start) / 1e9);
    } finally {
      channel.shutdownNow();
    }
  }

  private static long observe(ManagedChannel channel,
      io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpc, DynamicMessage request)
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    long[] seen = {0};
    Throwable[] failed = {null};
    ClientCalls.asyncServerStreamingCall(channel.newCall(grpc, io.grpc.CallOptions.DEFAULT),
        request, new StreamObserver<>() {
          @Override
          public void onNext(DynamicMessage value) {
            seen[0]++;
          }

          @Override
          public void onError(Throwable t) {
            failed[0] = t;
            done.countDown();
          }

          @Override
          public void onCompleted() {
            done.countDown();
          }
        });
    done.await();
    if (failed[0] != null) {
      throw new IllegalStateException("the stream failed", failed[0]);
    }
    return seen[0];
  }

  static double rawAsync(int port, int count, int concurrency) throws InterruptedException {
    MethodDescriptor say = method("Greeter", "SayHello");
    var grpc = DynamicMethods.of(say);
    DynamicMessage request = message(say.getInputType(), "name", "bench");
    ManagedChannel channel = rawChannel(port);
    try {
      asyncRound(channel, grpc, request, Math.max(1, count / 10), concurrency);
      long start = System.nanoTime();
      asyncRound(channel, grpc, request, count, concurrency);
      return count / ((System.nanoTime() - start) / 1e9);
    } finally {
      channel.shutdownNow();
    }
  }

  private static void asyncRound(ManagedChannel channel,
      io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpc, DynamicMessage request,
      int count, int concurrency) throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    CountDownLatch done = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      slots.acquire();
      ClientCalls.asyncUnaryCall(channel.newCall(grpc, io.grpc.CallOptions.DEFAULT), request,
          new StreamObserver<>() {
            @Override
            public void onNext(DynamicMessage value) {
            }

            @Override
            public void onError(Throwable t) {
              slots.release();
              done.countDown();
            }

            @Override
            public void onCompleted() {
              slots.release();
              done.countDown();
            }
          });
    }
    done.await();
  }
}
