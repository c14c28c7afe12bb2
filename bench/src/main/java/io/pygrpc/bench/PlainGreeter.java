package io.pygrpc.bench;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.util.concurrent.TimeUnit;

/**
 * The start-up bench's plain grpc-java contender: the hello-world client as grpc-java's own
 * example writes it (a channel, one blocking call, {@code shutdownNow().awaitTermination}), with
 * the schema built in code where the example has protoc's classes, and nothing of pygrpc.
 *
 * <pre>java -cp ... io.pygrpc.bench.PlainGreeter PORT</pre>
 */
public final class PlainGreeter {
  private PlainGreeter() {}

  public static void main(String[] args) throws Exception {
    FileDescriptor file = FileDescriptor.buildFrom(FileDescriptorProto.newBuilder()
        .setName("helloworld.proto").setPackage("helloworld").setSyntax("proto3")
        .addMessageType(message("HelloRequest", "name"))
        .addMessageType(message("HelloReply", "message"))
        .build(), new FileDescriptor[0]);
    Descriptor request = file.findMessageTypeByName("HelloRequest");
    Descriptor reply = file.findMessageTypeByName("HelloReply");
    MethodDescriptor<DynamicMessage, DynamicMessage> sayHello =
        MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("helloworld.Greeter/SayHello")
            .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(request)))
            .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(reply)))
            .build();
    ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + args[0],
        InsecureChannelCredentials.create()).build();
    try {
      DynamicMessage response = ClientCalls.blockingUnaryCall(channel, sayHello,
          CallOptions.DEFAULT, DynamicMessage.newBuilder(request)
              .setField(request.findFieldByName("name"), "you").build());
      System.out.println("Greeter client received: "
          + response.getField(reply.findFieldByName("message")));
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static DescriptorProto message(String name, String field) {
    return DescriptorProto.newBuilder().setName(name)
        .addField(FieldDescriptorProto.newBuilder().setName(field).setNumber(1)
            .setType(FieldDescriptorProto.Type.TYPE_STRING)
            .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL))
        .build();
  }
}
