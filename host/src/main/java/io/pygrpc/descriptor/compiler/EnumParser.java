package io.pygrpc.descriptor.compiler;

import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumOptions;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueOptions;
import java.util.List;

/** Parses {@code enum} definitions: values, options, reserved numbers and names. */
final class EnumParser {
  private final TokenStream in;
  private final OptionSyntax opts;
  private final List<TypeRef> typeRefs;

  EnumParser(TokenStream in, OptionSyntax opts, List<TypeRef> typeRefs) {
    this.in = in;
    this.opts = opts;
    this.typeRefs = typeRefs;
  }

  void parse(EnumDescriptorProto.Builder type, String outer) {
    type.setName(in.ident("enum name"));
    String scope = outer;
    in.expect("{");
    while (in.inBlock("enum definition")) {
      Token t = in.peek();
      if (t.is(";")) {
        in.take();
      } else if (t.is("option")) {
        in.take();
        opts.optionStatement(opts.target(EnumOptions.getDescriptor(), type::getOptions,
            m -> type.setOptions((EnumOptions) m), scope));
      } else if (t.is("reserved")) {
        in.take();
        if (in.peek().kind() == Token.Kind.STRING || in.peek().kind() == Token.Kind.IDENT) {
          do {
            type.addReservedName(in.take().text());
          } while (in.tryTake(","));
        } else {
          do {
            int start = in.signedInteger("enum value number");
            int end = start;
            if (in.peek().is("to")) {
              in.take();
              end = in.peek().is("max") ? in.takeMaxInt() : in.signedInteger("enum value number");
            }
            type.addReservedRangeBuilder().setStart(start).setEnd(end);
          } while (in.tryTake(","));
        }
        in.expect(";");
      } else {
        EnumValueDescriptorProto.Builder value = type.addValueBuilder()
            .setName(in.ident("enum constant name"));
        in.expect("=");
        value.setNumber(in.signedInteger("enum value number"));
        if (in.peek().is("[")) {
          in.take();
          do {
            opts.optionAssignment(opts.target(EnumValueOptions.getDescriptor(), value::getOptions,
                m -> value.setOptions((EnumValueOptions) m), scope));
          } while (in.tryTake(","));
          in.expect("]");
        }
        in.expect(";");
      }
    }
  }
}
