package io.pygrpc.demo;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;

/**
 * Lets the reflection service find the schema of a dynamic service.
 *
 * @param service the service
 * @param method one of its methods, or null for the service itself
 */
public record SchemaSupplier(ServiceDescriptor service, MethodDescriptor method)
    implements ProtoServiceDescriptorSupplier, ProtoMethodDescriptorSupplier {
  @Override
  public FileDescriptor getFileDescriptor() {
    return service.getFile();
  }

  @Override
  public ServiceDescriptor getServiceDescriptor() {
    return service;
  }

  @Override
  public MethodDescriptor getMethodDescriptor() {
    return method;
  }
}
