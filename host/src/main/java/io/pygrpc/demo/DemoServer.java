package io.pygrpc.demo;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.pygrpc.call.DynamicMethods;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The built-in demo server: {@code helloworld.Greeter} and {@code pygrpc.demo.Echo}, with server
 * reflection, on a loopback address. Used by the README's first command and by the tests.
 *
 * <p>The services are implemented over {@link DynamicMessage}, from the committed descriptor set.
 *
 * @since 0.3.0
 */
public final class DemoServer implements AutoCloseable {
  private final Server server;
  private Runnable onClose = () -> { };

  private DemoServer(Server server) {
    this.server = server;
  }

  /** Which reflection service the server offers; tests use the others. */
  public enum Reflection {
    /** {@code grpc.reflection.v1}, as current servers do. */
    V1,
    /** Only {@code grpc.reflection.v1alpha}, as older servers do. */
    V1ALPHA,
    /** None. */
    NONE
  }

  /**
   * Starts the server on {@code 127.0.0.1:port} with v1 reflection; port 0 picks a free one.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static DemoServer start(int port) {
    return start(port, Reflection.V1);
  }

  /**
   * Starts the server on {@code 127.0.0.1:port} with the given reflection service.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static DemoServer start(int port, Reflection reflection,
      io.grpc.ServerInterceptor... interceptors) {
    return start(port, io.grpc.InsecureServerCredentials.create(), reflection, interceptors);
  }

  /**
   * Starts the server, plaintext with v1 reflection, on any local address, e.g. IPv6's
   * loopback {@code [::1]}.
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static DemoServer start(InetSocketAddress address) {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(address);
    io.pygrpc.call.EventLoops.use(builder);
    return start(withServices(builder, Reflection.V1), address.getPort());
  }

  /**
   * Starts the server with TLS: its certificate and key, and, when {@code clientCa} is given,
   * requiring clients to present a certificate signed by it (mutual TLS). All PEM.
   *
   * @throws IllegalArgumentException when a certificate or key cannot be read
   */
  public static DemoServer startTls(int port, byte[] cert, byte[] key, byte[] clientCa) {
    try {
      io.grpc.TlsServerCredentials.Builder tls = io.grpc.TlsServerCredentials.newBuilder()
          .keyManager(new java.io.ByteArrayInputStream(cert), new java.io.ByteArrayInputStream(key));
      if (clientCa != null) {
        tls.trustManager(new java.io.ByteArrayInputStream(clientCa))
            .clientAuth(io.grpc.TlsServerCredentials.ClientAuth.REQUIRE);
      }
      return start(port, tls.build(), Reflection.V1);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the server certificate: " + e, e);
    }
  }

  /**
   * Starts the server on a unix socket (Linux, through Netty's epoll transport).
   *
   * @throws UncheckedIOException when the socket cannot be bound
   */
  public static DemoServer startUnix(java.nio.file.Path socket) {
    var group = new io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup(1);
    NettyServerBuilder builder = NettyServerBuilder
        .forAddress(new io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress(
            socket.toString()))
        .channelType(io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel
            .class)
        .bossEventLoopGroup(group)
        .workerEventLoopGroup(group);
    DemoServer server = start(withServices(builder, Reflection.V1), 0);
    server.onClose = group::shutdownGracefully;
    return server;
  }

  @SuppressWarnings("deprecation") // v1alpha reflection is deprecated, and still what old servers run
  private static DemoServer start(int port, io.grpc.ServerCredentials credentials,
      Reflection reflection, io.grpc.ServerInterceptor... interceptors) {
    NettyServerBuilder builder = NettyServerBuilder
        .forAddress(new InetSocketAddress("127.0.0.1", port), credentials);
    io.pygrpc.call.EventLoops.use(builder);
    return start(withServices(builder, reflection, interceptors), port);
  }

  @SuppressWarnings("deprecation") // v1alpha reflection is deprecated, and still what old servers run
  private static Server withServices(NettyServerBuilder builder, Reflection reflection,
      io.grpc.ServerInterceptor... interceptors) {
    Map<String, FileDescriptor> files = DemoSchema.load();
    ServiceDescriptor greeter = files.get("helloworld.proto").findServiceByName("Greeter");
    ServiceDescriptor echo = files.get("demo/echo.proto").findServiceByName("Echo");
    builder
        .addService(service(greeter, Map.of("SayHello", DemoServer::sayHello)))
        .addService(service(echo, Map.of("Echo", DemoServer::echo, "Fail", DemoServer::fail)))
        .addService(RouteGuideService.definition(
            files.get("demo/route.proto").findServiceByName("RouteGuide")));
    switch (reflection) {
      case V1 -> builder.addService(ProtoReflectionServiceV1.newInstance());
      case V1ALPHA -> builder.addService(
          io.grpc.protobuf.services.ProtoReflectionService.newInstance());
      case NONE -> { }
    }
    for (io.grpc.ServerInterceptor interceptor : interceptors) {
      builder.intercept(interceptor);
    }
    return builder.build();
  }

  /**
   * Starts a server of any schema services, each method answering with its handler; for tests
   * that need a schema the demo does not have.
   */
  public static DemoServer start(int port, List<ServerServiceDefinition> services) {
    NettyServerBuilder builder = NettyServerBuilder
        .forAddress(new InetSocketAddress("127.0.0.1", port));
    io.pygrpc.call.EventLoops.use(builder);
    services.forEach(builder::addService);
    builder.addService(ProtoReflectionServiceV1.newInstance());
    return start(builder.build(), port);
  }

  private static DemoServer start(Server server, int port) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo server on 127.0.0.1:" + port + ": "
          + e.getMessage(), e);
    }
    return new DemoServer(server);
  }

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /** Blocks until the server stops. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /** Stops the server at once, dropping its connections: a crash, for fault tests. */
  public void kill() {
    server.shutdownNow();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    onClose.run();
  }

  private static void sayHello(DynamicMessage request, StreamObserver<DynamicMessage> replies) {
    Descriptor replyType = request.getDescriptorForType().getFile()
        .findMessageTypeByName("HelloReply");
    Object name = request.getField(request.getDescriptorForType().findFieldByName("name"));
    replies.onNext(DynamicMessage.newBuilder(replyType)
        .setField(replyType.findFieldByName("message"), "Hello, " + name + "!")
        .build());
    replies.onCompleted();
  }

  private static void unimplemented(DynamicMessage request,
      StreamObserver<DynamicMessage> replies) {
    replies.onError(Status.UNIMPLEMENTED.asRuntimeException());
  }

  private static void echo(DynamicMessage request, StreamObserver<DynamicMessage> replies) {
    replies.onNext(request);
    replies.onCompleted();
  }

  private static void fail(DynamicMessage request, StreamObserver<DynamicMessage> replies) {
    Descriptor type = request.getDescriptorForType();
    int code = (Integer) request.getField(type.findFieldByName("code"));
    String message = (String) request.getField(type.findFieldByName("message"));
    String reason = (String) request.getField(type.findFieldByName("reason"));
    Status status = code > 0 && code <= 16 ? Status.fromCodeValue(code)
        : Status.INVALID_ARGUMENT.withDescription("code must be 1-16, got " + code);
    status = status.withDescription(message.isEmpty() ? status.getDescription() : message);
    if (reason.isEmpty()) {
      replies.onError(status.asRuntimeException());
      return;
    }
    // The rich error model: details in grpc-status-details-bin, plus a plain trailer.
    com.google.rpc.Status rich = com.google.rpc.Status.newBuilder()
        .setCode(status.getCode().value())
        .setMessage(status.getDescription() == null ? "" : status.getDescription())
        .addDetails(com.google.protobuf.Any.pack(com.google.rpc.ErrorInfo.newBuilder()
            .setReason(reason).setDomain("demo.pygrpc.io").putMetadata("code", "" + code)
            .build()))
        .addDetails(com.google.protobuf.Any.pack(com.google.rpc.BadRequest.newBuilder()
            .addFieldViolations(com.google.rpc.BadRequest.FieldViolation.newBuilder()
                .setField("code").setDescription("asked to fail")).build()))
        .build();
    io.grpc.Metadata trailers = new io.grpc.Metadata();
    trailers.put(io.grpc.Metadata.Key.of("x-failed-by", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        "demo");
    replies.onError(io.grpc.protobuf.StatusProto.toStatusRuntimeException(rich, trailers));
  }

  /** A unary service over dynamic messages, with its schema visible to reflection. */
  public static ServerServiceDefinition service(ServiceDescriptor service,
      Map<String, BiConsumer<DynamicMessage, StreamObserver<DynamicMessage>>> handlers) {
    io.grpc.ServiceDescriptor.Builder descriptor = io.grpc.ServiceDescriptor
        .newBuilder(service.getFullName())
        .setSchemaDescriptor(new SchemaSupplier(service, null));
    for (MethodDescriptor method : service.getMethods()) {
      descriptor.addMethod(DynamicMethods.of(method).toBuilder()
          .setSchemaDescriptor(new SchemaSupplier(service, method)).build());
    }
    io.grpc.ServiceDescriptor built = descriptor.build();
    ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(built);
    for (io.grpc.MethodDescriptor<?, ?> method : built.getMethods()) {
      @SuppressWarnings("unchecked")
      io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> typed =
          (io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage>) method;
      BiConsumer<DynamicMessage, StreamObserver<DynamicMessage>> handler =
          handlers.getOrDefault(method.getBareMethodName(), DemoServer::unimplemented);
      definition.addMethod(typed, ServerCalls.asyncUnaryCall(handler::accept));
    }
    return definition.build();
  }
}
