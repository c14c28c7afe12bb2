package io.pygrpc.descriptor.compiler;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Finishes a parsed file: resolves type names, formats defaults, interprets options, and builds
 * the {@link FileDescriptor} against the files it imports.
 */
final class ProtoLinker {
  private ProtoLinker() {}

  static FileDescriptor link(ProtoParser.Parsed parsed, List<FileDescriptor> imports) {
    FileDescriptorProto.Builder file = parsed.file();
    String name = file.getName();
    SymbolTable symbols = new SymbolTable(file, imports);
    for (TypeRef ref : parsed.typeRefs()) {
      String full = symbols.resolve(ref.written(), ref.scope());
      if (full == null) {
        throw new ProtoSyntaxError(name, ref.at().line(), ref.at().column(), "\""
            + ref.written() + "\" is not defined.");
      }
      SymbolTable.Kind kind = symbols.kind(full);
      boolean messageOnly = ref.setType() == null;
      if (kind != SymbolTable.Kind.MESSAGE && (messageOnly || kind != SymbolTable.Kind.ENUM)) {
        throw new ProtoSyntaxError(name, ref.at().line(), ref.at().column(), "\""
            + ref.written() + "\" is not a " + (messageOnly ? "message type." : "type."));
      }
      ref.setName().accept("." + full);
      if (ref.setType() != null) {
        ref.setType().accept(kind == SymbolTable.Kind.ENUM ? FieldDescriptorProto.Type.TYPE_ENUM
            : FieldDescriptorProto.Type.TYPE_MESSAGE);
      }
    }
    for (ProtoParser.PendingDefault pending : parsed.defaults()) {
      pending.field().setDefaultValue(defaultValue(name, pending, symbols));
    }
    FileDescriptor[] dependencies = imports.toArray(new FileDescriptor[0]);
    // Options may name extensions this very file defines: build once to know them all, then
    // interpret the options and build the final file.
    FileDescriptor draft = build(file.build(), dependencies);
    if (parsed.options().isEmpty()) {
      return draft;
    }
    OptionInterpreter interpreter = new OptionInterpreter(name, draft);
    for (PendingOption option : parsed.options()) {
      interpreter.apply(option);
    }
    return build(file.build(), dependencies);
  }

  private static FileDescriptor build(FileDescriptorProto proto, FileDescriptor[] dependencies) {
    try {
      return FileDescriptor.buildFrom(proto, dependencies);
    } catch (DescriptorValidationException e) {
      // protobuf-java knows the element, not the line: name the element instead.
      throw new ProtoSyntaxError(proto.getName() + ": " + e.getProblemSymbolName() + ": "
          + e.getDescription());
    }
  }

  private static String defaultValue(String file, ProtoParser.PendingDefault pending,
      SymbolTable symbols) {
    FieldDescriptorProto.Builder field = pending.field();
    OptionValue value = pending.value();
    Token at = value.at();
    String sign = value.negative() ? "-" : "";
    switch (field.getType()) {
      case TYPE_STRING -> {
        requireKind(file, value, Token.Kind.STRING, "string");
        return new String(value.text().getBytes(StandardCharsets.ISO_8859_1),
            StandardCharsets.UTF_8);
      }
      case TYPE_BYTES -> {
        requireKind(file, value, Token.Kind.STRING, "string");
        return ProtoValues.cEscape(value.text());
      }
      case TYPE_BOOL -> {
        if (value.kind() != Token.Kind.IDENT || !value.text().equals("true")
            && !value.text().equals("false")) {
          throw new ProtoSyntaxError(file, at.line(), at.column(), "expected \"true\" or "
              + "\"false\".");
        }
        return value.text();
      }
      case TYPE_ENUM -> {
        List<String> values = symbols.enumValues(field.getTypeName().substring(1));
        if (value.kind() != Token.Kind.IDENT || values == null
            || !values.contains(value.text())) {
          throw new ProtoSyntaxError(file, at.line(), at.column(), "enum type \""
              + field.getTypeName().substring(1) + "\" has no value named \"" + value.text()
              + "\".");
        }
        return value.text();
      }
      case TYPE_FLOAT, TYPE_DOUBLE -> {
        Double d = ProtoValues.floatValue(value);
        if (d == null) {
          throw new ProtoSyntaxError(file, at.line(), at.column(), "expected number.");
        }
        return field.getType() == FieldDescriptorProto.Type.TYPE_FLOAT
            ? ProtoValues.formatFloat(d.floatValue()) : ProtoValues.formatDouble(d);
      }
      case TYPE_MESSAGE, TYPE_GROUP -> throw new ProtoSyntaxError(file, at.line(), at.column(),
          "messages can't have default values.");
      default -> {
        requireKind(file, value, Token.Kind.INT, "integer");
        long magnitude = ProtoValues.parseInteger(value.text(), () -> new ProtoSyntaxError(file,
            at.line(), at.column(), "integer out of range."));
        String digits = Long.toUnsignedString(magnitude);
        IntegerRange.check(file, at, field.getType(), value.negative(), magnitude);
        return sign + digits;
      }
    }
  }

  private static void requireKind(String file, OptionValue value, Token.Kind kind, String what) {
    if (value.kind() != kind) {
      Token at = value.at();
      throw new ProtoSyntaxError(file, at.line(), at.column(), "expected " + what + ".");
    }
  }
}
