package io.pygrpc.launcher;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import io.grpc.ManagedChannel;
import io.pygrpc.call.CallSettings;
import io.pygrpc.call.Channels;
import io.pygrpc.call.DynamicMethods;
import io.pygrpc.call.LoopStartedChannel;
import io.pygrpc.call.PendingReply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * Readies the classes a script's first call needs — protobuf descriptors and messages, a
 * channel, a connection, a call — on a thread of its own while the main thread starts the
 * interpreter: a cold run leaves a core idle for much of that second. The call goes to a
 * loopback socket this class opens and never answers, so nothing leaves the machine, and it is
 * abandoned after its request is written. Failures are ignored: it is only a head start.
 */
final class Warmup {
  private Warmup() {}

  /** Starts the warm-up unless the system property {@code pygrpc.warmup} is "false". */
  static void start() {
    if (!"false".equals(System.getProperty("pygrpc.warmup"))) {
      Thread thread = new Thread(Warmup::run, "pygrpc-warmup");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private static void run() {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      warm(silent);
    } catch (Exception | LinkageError ignored) {
      // a head start only: the script's own calls report what is wrong
    }
  }

  /** Makes one call to {@code silent}, a socket that never answers, giving up after 0.3 s. */
  static void warm(ServerSocket silent) throws Exception {
    Descriptors.MethodDescriptor method = schema().getServices().get(0).getMethods().get(0);
    Descriptors.Descriptor type = method.getInputType();
    DynamicMessage request = DynamicMessage.parseFrom(type, DynamicMessage.newBuilder(type)
        .setField(type.getFields().get(0), "warm-up").build().toByteString());
    InetAddress.getAllByName("localhost"); // the name most scripts connect to
    ManagedChannel channel = Channels.open("127.0.0.1:" + silent.getLocalPort());
    try {
      PendingReply.start(LoopStartedChannel.of(channel),
          DynamicMethods.of(method), new CallSettings(Duration.ofSeconds(2), null, null, null),
          request).get(Duration.ofMillis(300));
    } catch (java.util.concurrent.TimeoutException | RuntimeException expected) {
      // the socket never answers
    } finally {
      channel.shutdownNow();
    }
  }

  private static Descriptors.FileDescriptor schema()
      throws Descriptors.DescriptorValidationException {
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("pygrpc_warmup.proto")
        .setPackage("pygrpc.warmup").setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("Text")
            .addField(FieldDescriptorProto.newBuilder().setName("text").setNumber(1)
                .setType(FieldDescriptorProto.Type.TYPE_STRING)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)))
        .addService(ServiceDescriptorProto.newBuilder().setName("Warm")
            .addMethod(MethodDescriptorProto.newBuilder().setName("Up")
                .setInputType(".pygrpc.warmup.Text").setOutputType(".pygrpc.warmup.Text")))
        .build();
    return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0]);
  }
}
