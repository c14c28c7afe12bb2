package io.pygrpc.descriptor.compiler;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;

/** Names and elements protoc derives rather than reads: JSON names, map entries, proto3 optional. */
final class ProtoNames {
  private ProtoNames() {}

  /** protoc's default JSON name: underscores dropped, the letter after each capitalised. */
  static String jsonName(String name) {
    return camelCase(name, false);
  }

  /** protoc's name for a map field's entry type: {@code scores} gives {@code ScoresEntry}. */
  static String mapEntryName(String fieldName) {
    return camelCase(fieldName, true) + "Entry";
  }

  private static String camelCase(String name, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    boolean upper = upperFirst;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else if (upper) {
        out.append(Character.toUpperCase(c));
        upper = false;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }


  /** protoc gives each proto3 {@code optional} field a oneof of its own, after the real ones. */
  static void synthesizeProto3OptionalOneofs(DescriptorProto.Builder message) {
    for (FieldDescriptorProto.Builder field : message.getFieldBuilderList()) {
      if (field.getProto3Optional()) {
        String name = "_" + field.getName();
        while (hasOneof(message, name)) {
          name = "X" + name;
        }
        field.setOneofIndex(message.getOneofDeclCount());
        message.addOneofDecl(OneofDescriptorProto.newBuilder().setName(name));
      }
    }
  }

  private static boolean hasOneof(DescriptorProto.Builder message, String name) {
    return message.getOneofDeclList().stream().anyMatch(o -> o.getName().equals(name));
  }
}
