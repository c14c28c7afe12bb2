package io.pygrpc.descriptor.compiler;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names visible to one file being compiled: its own and those of the files it imports, with
 * what each name is, and the value names of each enum.
 */
final class SymbolTable {
  enum Kind { PACKAGE, MESSAGE, ENUM, SERVICE }

  private final Map<String, Kind> kinds = new HashMap<>();
  private final Map<String, List<String>> enumValues = new HashMap<>();

  SymbolTable(FileDescriptorProto.Builder file, List<FileDescriptor> imports) {
    Set<String> seen = new HashSet<>();
    for (FileDescriptor imported : imports) {
      addFile(imported, seen);
    }
    add(file.build());
  }

  Kind kind(String fullName) {
    return kinds.get(fullName);
  }

  /** The value names of an enum, or null when it is not an enum. */
  List<String> enumValues(String fullName) {
    return enumValues.get(fullName);
  }

  /**
   * Resolves a name written in {@code scope} as protoc does: a leading dot means fully
   * qualified; otherwise the innermost enclosing scope that defines the name's first part wins.
   *
   * @return the full name without a leading dot, or null when nothing fits
   */
  String resolve(String written, String scope) {
    if (written.startsWith(".")) {
      String full = written.substring(1);
      return kinds.containsKey(full) ? full : null;
    }
    int dot = written.indexOf('.');
    String first = dot < 0 ? written : written.substring(0, dot);
    String current = scope;
    while (true) {
      String candidate = current.isEmpty() ? first : current + "." + first;
      if (kinds.containsKey(candidate)) {
        String full = current.isEmpty() ? written : current + "." + written;
        if (kinds.containsKey(full)) {
          return full;
        }
      }
      if (current.isEmpty()) {
        return null;
      }
      int last = current.lastIndexOf('.');
      current = last < 0 ? "" : current.substring(0, last);
    }
  }

  private void addFile(FileDescriptor file, Set<String> seen) {
    if (!seen.add(file.getName())) {
      return;
    }
    add(file.toProto());
    for (FileDescriptor dependency : file.getDependencies()) {
      addFile(dependency, seen);
    }
  }

  private void add(FileDescriptorProto file) {
    String pkg = file.getPackage();
    if (!pkg.isEmpty()) {
      String[] parts = pkg.split("\\.");
      StringBuilder prefix = new StringBuilder();
      for (String part : parts) {
        prefix.append(prefix.isEmpty() ? "" : ".").append(part);
        kinds.putIfAbsent(prefix.toString(), Kind.PACKAGE);
      }
    }
    for (DescriptorProto message : file.getMessageTypeList()) {
      addMessage(pkg, message);
    }
    for (EnumDescriptorProto e : file.getEnumTypeList()) {
      addEnum(pkg, e);
    }
    file.getServiceList().forEach(s -> kinds.put(qualify(pkg, s.getName()), Kind.SERVICE));
  }

  private void addMessage(String scope, DescriptorProto message) {
    String full = qualify(scope, message.getName());
    kinds.put(full, Kind.MESSAGE);
    message.getNestedTypeList().forEach(n -> addMessage(full, n));
    message.getEnumTypeList().forEach(e -> addEnum(full, e));
  }

  private void addEnum(String scope, EnumDescriptorProto type) {
    String full = qualify(scope, type.getName());
    kinds.put(full, Kind.ENUM);
    enumValues.put(full, type.getValueList().stream().map(EnumValueDescriptorProto::getName)
        .toList());
  }

  private static String qualify(String scope, String name) {
    return scope.isEmpty() ? name : scope + "." + name;
  }
}
