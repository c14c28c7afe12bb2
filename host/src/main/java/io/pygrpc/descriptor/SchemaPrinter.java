package io.pygrpc.descriptor;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Prints schema elements as {@code .proto}-like text, in the shape grpcurl's {@code describe}
 * uses: a heading line naming the element and its kind, then its definition, with type
 * references fully qualified ({@code .helloworld.HelloRequest}).
 */
public final class SchemaPrinter {
  private SchemaPrinter() {}

  /** A service with its methods. */
  public static String service(ServiceDescriptor service) {
    StringBuilder out = new StringBuilder(service.getFullName()).append(" is a service:\n");
    out.append("service ").append(service.getName()).append(" {\n");
    for (MethodDescriptor method : service.getMethods()) {
      out.append("  ").append(rpc(method)).append('\n');
    }
    return out.append("}\n").toString();
  }

  /** A method, then its request and response messages. */
  public static String method(MethodDescriptor method) {
    StringBuilder out = new StringBuilder(method.getFullName()).append(" is a method:\n")
        .append(rpc(method)).append('\n');
    out.append('\n').append(message(method.getInputType()));
    if (method.getOutputType() != method.getInputType()) {
      out.append('\n').append(message(method.getOutputType()));
    }
    return out.toString();
  }

  /** A message with its fields, nested messages and enums. */
  public static String message(Descriptor message) {
    StringBuilder out = new StringBuilder(message.getFullName()).append(" is a message:\n");
    body(message, "", out);
    return out.toString();
  }

  /** An enum with its values. */
  public static String enumType(EnumDescriptor type) {
    StringBuilder out = new StringBuilder(type.getFullName()).append(" is an enum:\n");
    enumBody(type, "", out);
    return out.toString();
  }

  private static String rpc(MethodDescriptor method) {
    return "rpc " + method.getName() + " ( " + (method.isClientStreaming() ? "stream " : "")
        + "." + method.getInputType().getFullName() + " ) returns ( "
        + (method.isServerStreaming() ? "stream " : "") + "."
        + method.getOutputType().getFullName() + " );";
  }

  private static void body(Descriptor message, String indent, StringBuilder out) {
    out.append(indent).append("message ").append(message.getName()).append(" {\n");
    String inner = indent + "  ";
    Set<OneofDescriptor> printed = new HashSet<>();
    for (FieldDescriptor field : message.getFields()) {
      OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof == null) {
        out.append(inner).append(field(field)).append('\n');
      } else if (printed.add(oneof)) {
        out.append(inner).append("oneof ").append(oneof.getName()).append(" {\n");
        for (FieldDescriptor member : oneof.getFields()) {
          out.append(inner).append("  ").append(field(member)).append('\n');
        }
        out.append(inner).append("}\n");
      }
    }
    for (Descriptor nested : message.getNestedTypes()) {
      if (!nested.getOptions().getMapEntry()) {
        body(nested, inner, out);
      }
    }
    for (EnumDescriptor nested : message.getEnumTypes()) {
      enumBody(nested, inner, out);
    }
    out.append(indent).append("}\n");
  }

  private static String field(FieldDescriptor field) {
    String type;
    if (field.isMapField()) {
      Descriptor entry = field.getMessageType();
      type = "map<" + typeName(entry.findFieldByNumber(1)) + ", "
          + typeName(entry.findFieldByNumber(2)) + ">";
    } else {
      type = typeName(field);
    }
    String label = "";
    if (field.isRepeated() && !field.isMapField()) {
      label = "repeated ";
    } else if (field.isRequired()) {
      label = "required ";
    } else if (field.hasPresence() && field.getContainingOneof() == null
        && field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
        && !isEditions(field.getFile())) {
      label = "optional ";
    }
    String options = field.toProto().hasDefaultValue()
        ? " [default = " + field.toProto().getDefaultValue() + "]" : "";
    return label + type + " " + field.getName() + " = " + field.getNumber() + options + ";";
  }

  private static String typeName(FieldDescriptor field) {
    return switch (field.getType()) {
      case MESSAGE, GROUP -> "." + field.getMessageType().getFullName();
      case ENUM -> "." + field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static void enumBody(EnumDescriptor type, String indent, StringBuilder out) {
    out.append(indent).append("enum ").append(type.getName()).append(" {\n");
    for (EnumValueDescriptor value : type.getValues()) {
      out.append(indent).append("  ").append(value.getName()).append(" = ")
          .append(value.getNumber()).append(";\n");
    }
    out.append(indent).append("}\n");
  }

  private static boolean isEditions(FileDescriptor file) {
    return file.toProto().getSyntax().equals("editions");
  }
}
