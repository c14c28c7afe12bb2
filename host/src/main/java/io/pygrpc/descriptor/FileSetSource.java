package io.pygrpc.descriptor;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A source whose files are all known up front: a module, a descriptor set, compiled protos. */
final class FileSetSource implements DescriptorSource {
  private final List<FileDescriptor> files;
  private final String description;

  FileSetSource(List<FileDescriptor> files, String description) {
    this.files = List.copyOf(files);
    this.description = description;
  }

  @Override
  public List<String> serviceNames() {
    List<String> names = new ArrayList<>();
    for (FileDescriptor file : files) {
      for (ServiceDescriptor service : file.getServices()) {
        names.add(service.getFullName());
      }
    }
    return names;
  }

  @Override
  public FileDescriptor fileContaining(String symbol) {
    Map<String, FileDescriptor> seen = new LinkedHashMap<>();
    for (FileDescriptor file : files) {
      collect(file, seen);
    }
    for (FileDescriptor file : seen.values()) {
      if (Symbols.defines(file, symbol)) {
        return file;
      }
    }
    return null;
  }

  @Override
  public List<FileDescriptor> files() {
    return files;
  }

  @Override
  public String describe() {
    return description;
  }

  private static void collect(FileDescriptor file, Map<String, FileDescriptor> seen) {
    if (seen.putIfAbsent(file.getName(), file) == null) {
      file.getDependencies().forEach(d -> collect(d, seen));
    }
  }
}
