package io.pygrpc.demo;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo services' schema, from the descriptor set protoc wrote (see tools/make-fixtures.sh),
 * so the demo server needs no generated Java code.
 */
public final class DemoSchema {
  private static final String RESOURCE = "/io/pygrpc/demo/demo.protoset";

  private DemoSchema() {}

  /** Every file of the set by name, each built with its dependencies. */
  public static Map<String, FileDescriptor> load() {
    FileDescriptorSet set;
    try (InputStream in = DemoSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      set = FileDescriptorSet.parseFrom(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, FileDescriptorProto> protos = new HashMap<>();
    set.getFileList().forEach(f -> protos.put(f.getName(), f));
    Map<String, FileDescriptor> built = new HashMap<>();
    for (String name : protos.keySet()) {
      build(name, protos, built);
    }
    return built;
  }

  private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
      Map<String, FileDescriptor> built) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    FileDescriptor[] dependencies = new FileDescriptor[proto.getDependencyCount()];
    for (int i = 0; i < dependencies.length; i++) {
      dependencies[i] = build(proto.getDependency(i), protos, built);
    }
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
      built.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("the demo schema is invalid: " + e.getMessage(), e);
    }
  }
}
