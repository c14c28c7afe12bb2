package io.pygrpc.demo;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor.Builder;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.pygrpc.call.DynamicMethods;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code pygrpc.demo.RouteGuide} over dynamic messages: one method per call shape, and an
 * endless stream that honours flow control (it sends only while the client can take more).
 */
final class RouteGuideService {
  private static final int MAX_FEATURES = 100_000;
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "pygrpc-demo-ticks");
        t.setDaemon(true);
        return t;
      });

  private final Descriptor point;
  private final Descriptor feature;
  private final Descriptor summary;
  private final Descriptor note;
  private final Descriptor tick;

  private RouteGuideService(ServiceDescriptor service) {
    var file = service.getFile();
    point = file.getDependencies().get(0).findMessageTypeByName("Point");
    feature = file.findMessageTypeByName("Feature");
    summary = file.findMessageTypeByName("RouteSummary");
    note = file.findMessageTypeByName("RouteNote");
    tick = file.findMessageTypeByName("Tick");
  }

  static ServerServiceDefinition definition(ServiceDescriptor service) {
    RouteGuideService impl = new RouteGuideService(service);
    // The definition must bind the very descriptor instances its service descriptor lists.
    java.util.Map<String, io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage>> methods =
        new java.util.HashMap<>();
    Builder descriptor = io.grpc.ServiceDescriptor.newBuilder(service.getFullName())
        .setSchemaDescriptor(new SchemaSupplier(service, null));
    for (MethodDescriptor method : service.getMethods()) {
      methods.put(method.getName(), typed(method, service));
      descriptor.addMethod(methods.get(method.getName()));
    }
    return ServerServiceDefinition.builder(descriptor.build())
        .addMethod(methods.get("GetFeature"), ServerCalls.asyncUnaryCall(impl::getFeature))
        .addMethod(methods.get("ListFeatures"),
            ServerCalls.asyncServerStreamingCall(impl::listFeatures))
        .addMethod(methods.get("RecordRoute"),
            ServerCalls.asyncClientStreamingCall(impl::recordRoute))
        .addMethod(methods.get("RouteChat"), ServerCalls.asyncBidiStreamingCall(impl::routeChat))
        .addMethod(methods.get("Ticks"), ServerCalls.asyncServerStreamingCall(impl::ticks))
        .build();
  }

  private static io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> typed(
      MethodDescriptor method, ServiceDescriptor service) {
    return DynamicMethods.of(method).toBuilder()
        .setSchemaDescriptor(new SchemaSupplier(service, method)).build();
  }

  private void getFeature(DynamicMessage at, StreamObserver<DynamicMessage> replies) {
    replies.onNext(feature(x(at), y(at)));
    replies.onCompleted();
  }

  private void listFeatures(DynamicMessage rectangle, StreamObserver<DynamicMessage> replies) {
    DynamicMessage lo = (DynamicMessage) field(rectangle, "lo");
    DynamicMessage hi = (DynamicMessage) field(rectangle, "hi");
    long count = (long) (Math.abs(x(hi) - x(lo)) + 1) * (Math.abs(y(hi) - y(lo)) + 1);
    if (count > MAX_FEATURES) {
      replies.onError(Status.OUT_OF_RANGE.withDescription("at most " + MAX_FEATURES
          + " features per rectangle, asked for " + count).asRuntimeException());
      return;
    }
    for (int y = Math.min(y(lo), y(hi)); y <= Math.max(y(lo), y(hi)); y++) {
      for (int x = Math.min(x(lo), x(hi)); x <= Math.max(x(lo), x(hi)); x++) {
        replies.onNext(feature(x, y));
      }
    }
    replies.onCompleted();
  }

  private StreamObserver<DynamicMessage> recordRoute(StreamObserver<DynamicMessage> replies) {
    return new StreamObserver<>() {
      int count;
      int distance;
      DynamicMessage last;

      @Override
      public void onNext(DynamicMessage at) {
        count++;
        if (last != null) {
          distance += Math.abs(x(at) - x(last)) + Math.abs(y(at) - y(last));
        }
        last = at;
      }

      @Override
      public void onError(Throwable t) {
        // the client went away; nothing to answer
      }

      @Override
      public void onCompleted() {
        replies.onNext(DynamicMessage.newBuilder(summary)
            .setField(summary.findFieldByName("point_count"), count)
            .setField(summary.findFieldByName("distance"), distance).build());
        replies.onCompleted();
      }
    };
  }

  private StreamObserver<DynamicMessage> routeChat(StreamObserver<DynamicMessage> replies) {
    return new StreamObserver<>() {
      @Override
      public void onNext(DynamicMessage received) {
        replies.onNext(DynamicMessage.newBuilder(note)
            .setField(note.findFieldByName("location"), field(received, "location"))
            .setField(note.findFieldByName("message"), "echo " + field(received, "message"))
            .build());
      }

      @Override
      public void onError(Throwable t) {
        // the client went away
      }

      @Override
      public void onCompleted() {
        replies.onCompleted();
      }
    };
  }

  /** Sends ticks only while the transport can take them, so an idle client costs nothing. */
  private void ticks(DynamicMessage request, StreamObserver<DynamicMessage> replies) {
    new TickPump((ServerCallStreamObserver<DynamicMessage>) replies, request).start();
  }

  /** One Ticks call: sends while the client can take more, paced by delay_ms when set. */
  private final class TickPump implements Runnable {
    private final ServerCallStreamObserver<DynamicMessage> out;
    private final long count;
    private final ByteString payload;
    private final long failAfter;
    private final int failCode;
    private final int delay;
    private final java.util.concurrent.atomic.AtomicBoolean scheduled =
        new java.util.concurrent.atomic.AtomicBoolean();
    private long sent;
    private boolean done;

    TickPump(ServerCallStreamObserver<DynamicMessage> out, DynamicMessage request) {
      this.out = out;
      this.count = (Long) field(request, "count");
      this.payload = ByteString.copyFrom(new byte[(Integer) field(request, "payload_bytes")]);
      this.failAfter = (Long) field(request, "fail_after");
      this.failCode = (Integer) field(request, "fail_code");
      this.delay = (Integer) field(request, "delay_ms");
    }

    void start() {
      out.setOnCancelHandler(() -> {
        synchronized (this) {
          done = true;
        }
      });
      out.setOnReadyHandler(this::wake);
    }

    /** Runs the pump soon, unless a run is already due. */
    private void wake() {
      if (scheduled.compareAndSet(false, true)) {
        TIMER.execute(this);
      }
    }

    @Override
    public synchronized void run() {
      scheduled.set(false);
      while (!done && out.isReady()) {
        if (failAfter > 0 && sent == failAfter) {
          done = true;
          out.onError(Status.fromCodeValue(failCode == 0 ? 14 : failCode)
              .withDescription("failing after " + failAfter + " ticks, as asked")
              .asRuntimeException());
          return;
        }
        if (count > 0 && sent == count) {
          done = true;
          out.onCompleted();
          return;
        }
        out.onNext(DynamicMessage.newBuilder(tick)
            .setField(tick.findFieldByName("seq"), ++sent)
            .setField(tick.findFieldByName("payload"), payload).build());
        if (delay > 0) {
          if (scheduled.compareAndSet(false, true)) {
            TIMER.schedule(this, delay, TimeUnit.MILLISECONDS);
          }
          return;
        }
      }
    }
  }

  private DynamicMessage feature(int x, int y) {
    return DynamicMessage.newBuilder(feature)
        .setField(feature.findFieldByName("name"), "feature at " + x + "," + y)
        .setField(feature.findFieldByName("location"), DynamicMessage.newBuilder(point)
            .setField(point.findFieldByName("x"), x)
            .setField(point.findFieldByName("y"), y).build())
        .build();
  }

  private static Object field(DynamicMessage message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  private static int x(DynamicMessage point) {
    return (Integer) field(point, "x");
  }

  private static int y(DynamicMessage point) {
    return (Integer) field(point, "y");
  }
}
