package io.pygrpc.descriptor;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.List;

/** Finding the named things of a file: services, methods, messages (nested too) and enums. */
final class Symbols {
  private Symbols() {}

  /** Whether the file itself (not its imports) defines the fully qualified symbol. */
  static boolean defines(FileDescriptor file, String symbol) {
    return find(file, symbol) != null;
  }

  /** The descriptor of a fully qualified symbol defined in the file, or null. */
  static GenericDescriptor find(FileDescriptor file, String symbol) {
    GenericDescriptor found = file.findMessageTypeByName(local(file, symbol));
    if (found != null && found.getFullName().equals(symbol)) {
      return found;
    }
    for (GenericDescriptor d : all(file)) {
      if (d.getFullName().equals(symbol)) {
        return d;
      }
    }
    return null;
  }

  /** Every service, method, message and enum the file defines, nested ones included. */
  static List<GenericDescriptor> all(FileDescriptor file) {
    List<GenericDescriptor> out = new ArrayList<>();
    for (ServiceDescriptor service : file.getServices()) {
      out.add(service);
      out.addAll(service.getMethods());
    }
    for (Descriptor message : file.getMessageTypes()) {
      addMessage(message, out);
    }
    out.addAll(file.getEnumTypes());
    return out;
  }

  private static void addMessage(Descriptor message, List<GenericDescriptor> out) {
    out.add(message);
    for (Descriptor nested : message.getNestedTypes()) {
      addMessage(nested, out);
    }
    for (EnumDescriptor e : message.getEnumTypes()) {
      out.add(e);
    }
  }

  private static String local(FileDescriptor file, String symbol) {
    String pkg = file.getPackage();
    return !pkg.isEmpty() && symbol.startsWith(pkg + ".") ? symbol.substring(pkg.length() + 1)
        : symbol;
  }
}
