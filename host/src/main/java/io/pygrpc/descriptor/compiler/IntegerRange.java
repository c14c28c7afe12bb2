package io.pygrpc.descriptor.compiler;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;

/** Range checks of integer literals against the field type they are meant for. */
final class IntegerRange {
  private IntegerRange() {}

  /**
   * @param magnitude the literal without its sign, as an unsigned 64-bit value
   * @throws ProtoSyntaxError when the value does not fit the type
   */
  static void check(String file, Token at, FieldDescriptorProto.Type type, boolean negative,
      long magnitude) {
    boolean fits = switch (type) {
      case TYPE_INT32, TYPE_SINT32, TYPE_SFIXED32 -> negative
          ? Long.compareUnsigned(magnitude, 1L << 31) <= 0
          : Long.compareUnsigned(magnitude, Integer.MAX_VALUE) <= 0;
      case TYPE_UINT32, TYPE_FIXED32 -> !negative
          && Long.compareUnsigned(magnitude, 0xFFFF_FFFFL) <= 0;
      case TYPE_INT64, TYPE_SINT64, TYPE_SFIXED64 -> negative
          ? Long.compareUnsigned(magnitude, Long.MIN_VALUE) <= 0
          : magnitude >= 0;
      case TYPE_UINT64, TYPE_FIXED64 -> !negative || magnitude == 0;
      default -> true;
    };
    if (!fits) {
      throw new ProtoSyntaxError(file, at.line(), at.column(), "integer out of range for "
          + type.name().substring(5).toLowerCase(java.util.Locale.ROOT) + ".");
    }
  }
}
