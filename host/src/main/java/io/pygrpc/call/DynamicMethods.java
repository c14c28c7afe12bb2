package io.pygrpc.call;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.protobuf.ProtoUtils;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * grpc-java method descriptors for schema methods, with {@link DynamicMessage} marshallers.
 *
 * <p>Built once per schema method and cached: the marshallers are what turns bad bytes from a
 * server into {@code INTERNAL "Invalid protobuf byte sequence"}, never an unchecked exception.
 *
 * @since 0.3.0
 */
public final class DynamicMethods {
  private static final Map<Descriptors.MethodDescriptor, MethodDescriptor<DynamicMessage,
      DynamicMessage>> CACHE = new ConcurrentHashMap<>();

  private DynamicMethods() {}

  /** The grpc-java descriptor of a schema method. */
  public static MethodDescriptor<DynamicMessage, DynamicMessage> of(
      Descriptors.MethodDescriptor method) {
    return CACHE.computeIfAbsent(method, DynamicMethods::build);
  }

  /** The call shape of a schema method. */
  public static MethodType type(Descriptors.MethodDescriptor method) {
    if (method.isClientStreaming()) {
      return method.isServerStreaming() ? MethodType.BIDI_STREAMING : MethodType.CLIENT_STREAMING;
    }
    return method.isServerStreaming() ? MethodType.SERVER_STREAMING : MethodType.UNARY;
  }

  private static MethodDescriptor<DynamicMessage, DynamicMessage> build(
      Descriptors.MethodDescriptor method) {
    return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
        .setType(type(method))
        .setFullMethodName(MethodDescriptor.generateFullMethodName(
            method.getService().getFullName(), method.getName()))
        .setRequestMarshaller(
            ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
        .setResponseMarshaller(
            ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
        .build();
  }
}
