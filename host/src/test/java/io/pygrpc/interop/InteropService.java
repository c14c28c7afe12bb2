package io.pygrpc.interop;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.pygrpc.call.DynamicMethods;
import io.pygrpc.demo.SchemaSupplier;
import io.pygrpc.descriptor.DescriptorSources;
import io.pygrpc.descriptor.Schema;
import java.nio.file.Path;
import java.util.List;

/**
 * The server side of the gRPC interop test cases (grpc.testing.TestService) on grpc-java over
 * DynamicMessage, with the schema compiled from protos/interop: what the interop descriptions
 * ask of a server — payload sizes, echoed metadata and status, sleeping streams — and the check
 * grpc-java's TestServiceImpl leaves to its harness: whether a request that says it is
 * compressed arrived compressed (client_compressed_unary).
 */
final class InteropService {
  static final Path PROTOS = Path.of("../protos/interop").toAbsolutePath().normalize();
  static final Metadata.Key<String> ECHO_INITIAL = Metadata.Key.of("x-grpc-test-echo-initial",
      Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<byte[]> ECHO_TRAILING = Metadata.Key.of(
      "x-grpc-test-echo-trailing-bin", Metadata.BINARY_BYTE_MARSHALLER);
  static final io.grpc.Context.Key<Boolean> COMPRESSED = io.grpc.Context.key("compressed");

  private final ServiceDescriptor service;
  private final Descriptor simpleResponse;
  private final Descriptor streamingResponse;
  private final Descriptor inputResponse;
  private final Descriptor payload;
  private final Descriptor empty;

  private InteropService(FileDescriptor test) {
    this.service = test.findServiceByName("TestService");
    FileDescriptor messages = test.getDependencies().stream()
        .filter(f -> f.getName().endsWith("messages.proto")).findFirst().orElseThrow();
    this.simpleResponse = messages.findMessageTypeByName("SimpleResponse");
    this.streamingResponse = messages.findMessageTypeByName("StreamingOutputCallResponse");
    this.inputResponse = messages.findMessageTypeByName("StreamingInputCallResponse");
    this.payload = messages.findMessageTypeByName("Payload");
    this.empty = test.getDependencies().stream().filter(f -> f.getName().endsWith("empty.proto"))
        .findFirst().orElseThrow().findMessageTypeByName("Empty");
  }

  /** TestService (with the interop metadata echo), and nothing for UnimplementedService. */
  static List<ServerServiceDefinition> definitions() {
    Schema schema = new Schema();
    schema.add(DescriptorSources.fromProtoFiles(schema, List.of(PROTOS),
        List.of("grpc/testing/test.proto")));
    InteropService impl = new InteropService(schema.file("grpc/testing/test.proto"));
    return List.of(ServerInterceptors.intercept(impl.definition(), new Echo()));
  }

  private ServerServiceDefinition definition() {
    io.grpc.ServiceDescriptor.Builder descriptor = io.grpc.ServiceDescriptor
        .newBuilder(service.getFullName()).setSchemaDescriptor(new SchemaSupplier(service, null));
    for (MethodDescriptor method : service.getMethods()) {
      descriptor.addMethod(typed(method));
    }
    ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(
        descriptor.build());
    definition.addMethod(typed(method("EmptyCall")), ServerCalls.asyncUnaryCall(
        (request, replies) -> done(replies, DynamicMessage.getDefaultInstance(empty))));
    definition.addMethod(typed(method("UnaryCall")), ServerCalls.asyncUnaryCall(this::unary));
    definition.addMethod(typed(method("CacheableUnaryCall")),
        ServerCalls.asyncUnaryCall(this::unary));
    definition.addMethod(typed(method("StreamingOutputCall")),
        ServerCalls.asyncServerStreamingCall((request, replies) -> {
          respond(request, replies);
          replies.onCompleted();
        }));
    definition.addMethod(typed(method("StreamingInputCall")),
        ServerCalls.asyncClientStreamingCall(replies -> new StreamObserver<>() {
          int total;

          @Override
          public void onNext(DynamicMessage request) {
            total += ((ByteString) ((DynamicMessage) get(request, "payload")).getField(
                payload.findFieldByName("body"))).size();
          }

          @Override
          public void onError(Throwable t) {
          }

          @Override
          public void onCompleted() {
            done(replies, DynamicMessage.newBuilder(inputResponse).setField(
                inputResponse.findFieldByName("aggregated_payload_size"), total).build());
          }
        }));
    ServerCalls.BidiStreamingMethod<DynamicMessage, DynamicMessage> duplex =
        replies -> new StreamObserver<>() {
          @Override
          public void onNext(DynamicMessage request) {
            if (!failIfAsked(request, replies)) {
              respond(request, replies);
            }
          }

          @Override
          public void onError(Throwable t) {
          }

          @Override
          public void onCompleted() {
            replies.onCompleted();
          }
        };
    definition.addMethod(typed(method("FullDuplexCall")), ServerCalls.asyncBidiStreamingCall(
        duplex));
    definition.addMethod(typed(method("HalfDuplexCall")), ServerCalls.asyncBidiStreamingCall(
        duplex));
    definition.addMethod(typed(method("UnimplementedCall")), ServerCalls.asyncUnaryCall(
        (request, replies) -> replies.onError(Status.UNIMPLEMENTED.asRuntimeException())));
    return definition.build();
  }

  private void unary(DynamicMessage request, StreamObserver<DynamicMessage> replies) {
    DynamicMessage expect = (DynamicMessage) get(request, "expect_compressed");
    if ((Boolean) get(expect, "value") && !Boolean.TRUE.equals(COMPRESSED.get())) {
      replies.onError(Status.INVALID_ARGUMENT.withDescription("expected a compressed request")
          .asRuntimeException());
      return;
    }
    if (failIfAsked(request, replies)) {
      return;
    }
    int size = (Integer) get(request, "response_size");
    done(replies, DynamicMessage.newBuilder(simpleResponse).setField(
        simpleResponse.findFieldByName("payload"), payload(size)).build());
  }

  private boolean failIfAsked(DynamicMessage request, StreamObserver<DynamicMessage> replies) {
    DynamicMessage status = (DynamicMessage) get(request, "response_status");
    int code = (Integer) get(status, "code");
    if (code == 0) {
      return false;
    }
    replies.onError(Status.fromCodeValue(code).withDescription((String) get(status, "message"))
        .asRuntimeException());
    return true;
  }

  @SuppressWarnings("unchecked")
  private void respond(DynamicMessage request, StreamObserver<DynamicMessage> replies) {
    for (DynamicMessage parameters : (List<DynamicMessage>) get(request,
        "response_parameters")) {
      int interval = (Integer) get(parameters, "interval_us");
      if (interval > 0) {
        try {
          Thread.sleep(interval / 1000, (interval % 1000) * 1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      replies.onNext(DynamicMessage.newBuilder(streamingResponse).setField(
          streamingResponse.findFieldByName("payload"), payload((Integer) get(parameters,
              "size"))).build());
    }
  }

  private DynamicMessage payload(int size) {
    return DynamicMessage.newBuilder(payload).setField(payload.findFieldByName("body"),
        ByteString.copyFrom(new byte[size])).build();
  }

  private static void done(StreamObserver<DynamicMessage> replies, DynamicMessage reply) {
    replies.onNext(reply);
    replies.onCompleted();
  }

  private static Object get(DynamicMessage message, String field) {
    FieldDescriptor found = message.getDescriptorForType().findFieldByName(field);
    return message.getField(found);
  }

  private MethodDescriptor method(String name) {
    return service.findMethodByName(name);
  }

  private final java.util.Map<String, io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage>>
      typed = new java.util.HashMap<>();

  /** One grpc-java method per schema method: the service descriptor and handlers share it. */
  private io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> typed(MethodDescriptor method) {
    return typed.computeIfAbsent(method.getName(), name -> DynamicMethods.of(method).toBuilder()
        .setSchemaDescriptor(new SchemaSupplier(service, method)).build());
  }

  /** Echoes the interop metadata and notes whether the request came compressed. */
  private static final class Echo implements ServerInterceptor {
    private static final Metadata.Key<String> ENCODING = Metadata.Key.of("grpc-encoding",
        Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      String initial = headers.get(ECHO_INITIAL);
      byte[] trailing = headers.get(ECHO_TRAILING);
      String encoding = headers.get(ENCODING);
      io.grpc.Context context = io.grpc.Context.current().withValue(COMPRESSED,
          encoding != null && !encoding.equals("identity"));
      ServerCall<Q, R> echoing = new io.grpc.ForwardingServerCall.SimpleForwardingServerCall<>(
          call) {
        @Override
        public void sendHeaders(Metadata responseHeaders) {
          if (initial != null) {
            responseHeaders.put(ECHO_INITIAL, initial);
          }
          super.sendHeaders(responseHeaders);
        }

        @Override
        public void close(Status status, Metadata trailers) {
          if (trailing != null) {
            trailers.put(ECHO_TRAILING, trailing);
          }
          super.close(status, trailers);
        }
      };
      return Contexts.interceptCall(context, echoing, headers, next);
    }
  }
}
