package io.pygrpc.descriptor;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds {@link FileDescriptor}s from a set of {@code FileDescriptorProto}s that refer to each
 * other by name, taking files the set lacks from an outside lookup (already loaded files, the
 * well-known types). The one place where dependencies are resolved for proto-shaped sources.
 */
final class FileSetBuilder {
  private final Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
  private final Function<String, FileDescriptor> outside;
  private final String origin;
  private final Map<String, FileDescriptor> built = new LinkedHashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  /**
   * @param outside files not in the set, by name, or null when unknown
   * @param origin where the set came from, for messages ({@code "descriptor set api.pb"})
   */
  FileSetBuilder(List<FileDescriptorProto> files, Function<String, FileDescriptor> outside,
      String origin) {
    files.forEach(f -> protos.putIfAbsent(f.getName(), f));
    this.outside = outside;
    this.origin = origin;
  }

  /** Every file of the set, built, in the set's order. */
  List<FileDescriptor> buildAll() {
    List<FileDescriptor> out = new ArrayList<>();
    for (String name : protos.keySet()) {
      out.add(build(name, null));
    }
    return out;
  }

  /** One file of the set (and what it imports), or null when the set has no such file. */
  FileDescriptor build(String name, String importer) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      FileDescriptor known = outside.apply(name);
      if (known == null && importer != null) {
        throw new PygrpcException(Kind.NOT_FOUND, origin + " lacks \"" + name
            + "\", imported by \"" + importer + "\"; make it with all imports included"
            + " (protoc --include_imports)");
      }
      return known;
    }
    if (!inProgress.add(name)) {
      throw new PygrpcException(Kind.DESCRIPTOR, origin + ": \"" + name
          + "\" imports itself through a cycle of files");
    }
    try {
      FileDescriptor[] dependencies = new FileDescriptor[proto.getDependencyCount()];
      for (int i = 0; i < dependencies.length; i++) {
        dependencies[i] = build(proto.getDependency(i), name);
      }
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
      built.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new PygrpcException(Kind.DESCRIPTOR, origin + ": \"" + name + "\" is invalid: "
          + e.getMessage(), e);
    } finally {
      inProgress.remove(name);
    }
  }
}
