package io.pygrpc.descriptor.compiler;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.ExtensionRangeOptions;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parses one {@code .proto} file into a {@code FileDescriptorProto} shaped as protoc writes it,
 * except that type references are still as written and options are still pending: the
 * {@link ProtoLinker} finishes both once the imported files are known.
 */
final class ProtoParser {
  private static final Map<String, FieldDescriptorProto.Type> SCALARS = Map.ofEntries(
      Map.entry("double", FieldDescriptorProto.Type.TYPE_DOUBLE),
      Map.entry("float", FieldDescriptorProto.Type.TYPE_FLOAT),
      Map.entry("int64", FieldDescriptorProto.Type.TYPE_INT64),
      Map.entry("uint64", FieldDescriptorProto.Type.TYPE_UINT64),
      Map.entry("int32", FieldDescriptorProto.Type.TYPE_INT32),
      Map.entry("fixed64", FieldDescriptorProto.Type.TYPE_FIXED64),
      Map.entry("fixed32", FieldDescriptorProto.Type.TYPE_FIXED32),
      Map.entry("bool", FieldDescriptorProto.Type.TYPE_BOOL),
      Map.entry("string", FieldDescriptorProto.Type.TYPE_STRING),
      Map.entry("bytes", FieldDescriptorProto.Type.TYPE_BYTES),
      Map.entry("uint32", FieldDescriptorProto.Type.TYPE_UINT32),
      Map.entry("sfixed32", FieldDescriptorProto.Type.TYPE_SFIXED32),
      Map.entry("sfixed64", FieldDescriptorProto.Type.TYPE_SFIXED64),
      Map.entry("sint32", FieldDescriptorProto.Type.TYPE_SINT32),
      Map.entry("sint64", FieldDescriptorProto.Type.TYPE_SINT64));
  static final int MAX_FIELD_NUMBER = 536_870_911;

  private final String fileName;
  private final TokenStream in;
  private final OptionSyntax opts;
  private final FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder();
  private final List<PendingDefault> defaults = new ArrayList<>();
  private final List<TypeRef> typeRefs = new ArrayList<>();
  private final List<Token> importAt = new ArrayList<>();
  private String syntax = "proto2";

  /**
   * A {@code [default = ...]} waiting for its field's type.
   *
   * @param field the field
   * @param value the value as written
   */
  record PendingDefault(FieldDescriptorProto.Builder field, OptionValue value) {}

  /** What parsing one file gives the linker. */
  record Parsed(FileDescriptorProto.Builder file, List<PendingOption> options,
      List<PendingDefault> defaults, List<TypeRef> typeRefs, List<Token> importAt) {}

  private ProtoParser(String fileName, String source) {
    this.fileName = fileName;
    this.in = new TokenStream(fileName, source);
    this.opts = new OptionSyntax(in);
  }

  /**
   * Parses a file.
   *
   * @throws ProtoSyntaxError at the first mistake, as {@code file:line:col: message}
   */
  static Parsed parse(String fileName, String source) {
    ProtoParser parser = new ProtoParser(fileName, source);
    parser.parseFile();
    return new Parsed(parser.file, parser.opts.options(), parser.defaults, parser.typeRefs,
        parser.importAt);
  }

  private void parseFile() {
    file.setName(fileName);
    if (in.peek().is("syntax")) {
      in.take();
      in.expect("=");
      Token value = in.expectKind(Token.Kind.STRING, "syntax identifier");
      if (!value.text().equals("proto2") && !value.text().equals("proto3")) {
        throw in.error(value, "unrecognized syntax identifier \"" + value.text()
            + "\"; this parser only recognizes \"proto2\" and \"proto3\"");
      }
      syntax = value.text();
      in.expect(";");
    } else if (in.peek().is("edition")) {
      in.take();
      in.expect("=");
      Token value = in.expectKind(Token.Kind.STRING, "edition");
      Edition edition = switch (value.text()) {
        case "2023" -> Edition.EDITION_2023;
        case "2024" -> Edition.EDITION_2024;
        default -> throw in.error(value, "unknown edition \"" + value.text() + "\"");
      };
      syntax = "editions";
      file.setEdition(edition);
      in.expect(";");
    }
    if (!syntax.equals("proto2")) {
      file.setSyntax(syntax);
    }
    String scope = "";
    while (in.peek().kind() != Token.Kind.EOF) {
      Token t = in.peek();
      if (t.is(";")) {
        in.take();
      } else if (t.is("package")) {
        in.take();
        if (file.hasPackage()) {
          throw in.error(t, "multiple package definitions");
        }
        file.setPackage(in.fullIdent());
        scope = file.getPackage();
        in.expect(";");
      } else if (t.is("import")) {
        in.take();
        importAt.add(t);
        if (in.peek().is("public")) {
          in.take();
          file.addPublicDependency(file.getDependencyCount());
        } else if (in.peek().is("weak")) {
          in.take();
          file.addWeakDependency(file.getDependencyCount());
        }
        file.addDependency(in.expectKind(Token.Kind.STRING, "a string naming the file to import")
            .text());
        in.expect(";");
      } else if (t.is("option")) {
        in.take();
        opts.optionStatement(opts.target(FileOptions.getDescriptor(), file::getOptions,
            m -> file.setOptions((FileOptions) m), scope));
      } else if (t.is("message")) {
        in.take();
        message(file.addMessageTypeBuilder(), scope);
      } else if (t.is("enum")) {
        in.take();
        new EnumParser(in, opts, typeRefs).parse(file.addEnumTypeBuilder(), scope);
      } else if (t.is("service")) {
        in.take();
        new ServiceParser(in, opts, typeRefs).parse(file.addServiceBuilder(), scope);
      } else if (t.is("extend")) {
        in.take();
        extend(file::addExtensionBuilder, null, scope);
      } else {
        throw in.error(t, "expected top-level statement (e.g. \"message\")");
      }
    }
  }

  private void message(DescriptorProto.Builder message, String outer) {
    message.setName(in.ident("message name"));
    messageBody(message, outer.isEmpty() ? message.getName() : outer + "." + message.getName());
  }

  private void messageBody(DescriptorProto.Builder message, String scope) {
    in.expect("{");
    while (in.inBlock("message definition")) {
      Token t = in.peek();
      if (t.is(";")) {
        in.take();
      } else if (t.is("message")) {
        in.take();
        message(message.addNestedTypeBuilder(), scope);
      } else if (t.is("enum")) {
        in.take();
        new EnumParser(in, opts, typeRefs).parse(message.addEnumTypeBuilder(), scope);
      } else if (t.is("extend")) {
        in.take();
        extend(message::addExtensionBuilder, message, scope);
      } else if (t.is("option")) {
        in.take();
        opts.optionStatement(opts.target(MessageOptions.getDescriptor(), message::getOptions,
            m -> message.setOptions((MessageOptions) m), scope));
      } else if (t.is("oneof")) {
        in.take();
        oneof(message, scope);
      } else if (t.is("extensions")) {
        in.take();
        extensions(message, scope);
      } else if (t.is("reserved")) {
        in.take();
        reserved(message);
      } else {
        field(message::addFieldBuilder, message, scope, null);
      }
    }
    ProtoNames.synthesizeProto3OptionalOneofs(message);
  }

  private void field(Supplier<FieldDescriptorProto.Builder> add,
      DescriptorProto.Builder message, String scope, Integer oneofIndex) {
    Token start = in.peek();
    FieldDescriptorProto.Label label = null;
    boolean proto3Optional = false;
    if (oneofIndex == null) {
      if (start.is("optional")) {
        in.take();
        label = FieldDescriptorProto.Label.LABEL_OPTIONAL;
        proto3Optional = syntax.equals("proto3");
      } else if (start.is("required")) {
        in.take();
        if (!syntax.equals("proto2")) {
          throw in.error(start, "required fields are not allowed in " + syntax);
        }
        label = FieldDescriptorProto.Label.LABEL_REQUIRED;
      } else if (start.is("repeated")) {
        in.take();
        label = FieldDescriptorProto.Label.LABEL_REPEATED;
      }
    }
    Token typeToken = in.peek();
    if (typeToken.is("map") && in.peekAhead(1).is("<")) {
      if (label != null) {
        throw in.error(start, "field labels (required/optional/repeated) are not allowed on map "
            + "fields");
      }
      mapField(add.get(), message, scope);
      return;
    }
    if (label == null && oneofIndex == null && syntax.equals("proto2")
        && !typeToken.is("group")) {
      throw in.error(typeToken, "expected \"required\", \"optional\", or \"repeated\"");
    }
    FieldDescriptorProto.Builder field = add.get();
    field.setLabel(label == null ? FieldDescriptorProto.Label.LABEL_OPTIONAL : label);
    if (proto3Optional) {
      field.setProto3Optional(true);
    }
    if (oneofIndex != null) {
      field.setOneofIndex(oneofIndex);
    }
    if (typeToken.is("group")) {
      in.take();
      Token nameToken = in.peek();
      String groupName = in.ident("group name");
      if (!Character.isUpperCase(groupName.charAt(0))) {
        throw in.error(nameToken, "group names must start with a capital letter");
      }
      field.setName(groupName.toLowerCase(Locale.ROOT));
      field.setJsonName(ProtoNames.jsonName(field.getName()));
      field.setType(FieldDescriptorProto.Type.TYPE_GROUP).setTypeName(groupName);
      typeRefs.add(new TypeRef(groupName, scope, nameToken, field::setTypeName, null));
      field.setNumber(in.fieldNumber());
      fieldOptions(field, scope);
      DescriptorProto.Builder group = message.addNestedTypeBuilder().setName(groupName);
      messageBody(group, scope + "." + groupName);
    } else {
      String type = in.typeName();
      FieldDescriptorProto.Type scalar = SCALARS.get(type);
      if (scalar != null) {
        field.setType(scalar);
      } else {
        field.setTypeName(type);
        typeRefs.add(new TypeRef(type, scope, typeToken, field::setTypeName, field::setType));
      }
      field.setName(in.ident("field name"));
      field.setJsonName(ProtoNames.jsonName(field.getName()));
      field.setNumber(in.fieldNumber());
      fieldOptions(field, scope);
      in.expect(";");
    }
  }

  private void mapField(FieldDescriptorProto.Builder field, DescriptorProto.Builder message,
      String scope) {
    in.take();
    in.expect("<");
    Token keyToken = in.peek();
    String key = in.typeName();
    in.expect(",");
    Token valueToken = in.peek();
    String value = in.typeName();
    in.expect(">");
    field.setName(in.ident("field name"));
    field.setNumber(in.fieldNumber());
    String entryName = ProtoNames.mapEntryName(field.getName());
    field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
        .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
        .setTypeName(entryName)
        .setJsonName(ProtoNames.jsonName(field.getName()));
    typeRefs.add(new TypeRef(entryName, scope, keyToken, field::setTypeName, null));
    DescriptorProto.Builder entry = message.addNestedTypeBuilder().setName(entryName);
    entry.getOptionsBuilder().setMapEntry(true);
    FieldDescriptorProto.Type keyType = SCALARS.get(key);
    if (keyType == null || keyType == FieldDescriptorProto.Type.TYPE_DOUBLE
        || keyType == FieldDescriptorProto.Type.TYPE_FLOAT
        || keyType == FieldDescriptorProto.Type.TYPE_BYTES) {
      throw in.error(keyToken, "key in map fields cannot be float/double, bytes or message types");
    }
    entry.addField(FieldDescriptorProto.newBuilder().setName("key").setNumber(1)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(keyType).setJsonName("key"));
    FieldDescriptorProto.Builder valueField = entry.addFieldBuilder().setName("value").setNumber(2)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setJsonName("value");
    FieldDescriptorProto.Type valueType = SCALARS.get(value);
    if (valueType != null) {
      valueField.setType(valueType);
    } else {
      valueField.setTypeName(value);
      typeRefs.add(new TypeRef(value, scope + "." + entryName, valueToken,
          valueField::setTypeName, valueField::setType));
    }
    fieldOptions(field, scope);
    in.expect(";");
  }

  private void oneof(DescriptorProto.Builder message, String scope) {
    int index = message.getOneofDeclCount();
    OneofDescriptorProto.Builder oneof = message.addOneofDeclBuilder().setName(in.ident("oneof name"));
    in.expect("{");
    while (in.inBlock("oneof definition")) {
      Token t = in.peek();
      if (t.is("option")) {
        in.take();
        opts.optionStatement(opts.target(OneofOptions.getDescriptor(), oneof::getOptions,
            m -> oneof.setOptions((OneofOptions) m), scope));
      } else if (t.is(";")) {
        in.take();
      } else {
        if (t.is("optional") || t.is("required") || t.is("repeated")) {
          throw in.error(t, "fields in oneofs must not have labels (required / optional / repeated)");
        }
        field(message::addFieldBuilder, message, scope, index);
      }
    }
  }

  private void extensions(DescriptorProto.Builder message, String scope) {
    int first = message.getExtensionRangeCount();
    do {
      int start = in.integer("extension number");
      int end = start;
      if (in.peek().is("to")) {
        in.take();
        end = in.peek().is("max") ? in.takeMax() : in.integer("extension number");
      }
      message.addExtensionRangeBuilder().setStart(start).setEnd(end + 1);
    } while (in.tryTake(","));
    if (in.peek().is("[")) {
      in.take();
      int last = message.getExtensionRangeCount();
      // The options apply to every range of the statement.
      OptionTarget ranges = opts.target(ExtensionRangeOptions.getDescriptor(),
          () -> message.getExtensionRangeBuilder(first).getOptions(), m -> {
            for (int i = first; i < last; i++) {
              message.getExtensionRangeBuilder(i).setOptions((ExtensionRangeOptions) m);
            }
          }, scope);
      do {
        opts.optionAssignment(ranges);
      } while (in.tryTake(","));
      in.expect("]");
    }
    in.expect(";");
  }

  private void reserved(DescriptorProto.Builder message) {
    if (in.peek().kind() == Token.Kind.STRING || in.peek().kind() == Token.Kind.IDENT) {
      do {
        Token name = in.take();
        message.addReservedName(name.text());
      } while (in.tryTake(","));
    } else {
      do {
        int start = in.integer("field number");
        int end = start;
        if (in.peek().is("to")) {
          in.take();
          end = in.peek().is("max") ? in.takeMax() : in.integer("field number");
        }
        message.addReservedRangeBuilder().setStart(start).setEnd(end + 1);
      } while (in.tryTake(","));
    }
    in.expect(";");
  }

  private void extend(Supplier<FieldDescriptorProto.Builder> add,
      DescriptorProto.Builder message, String scope) {
    Token extendeeToken = in.peek();
    String extendee = in.typeName();
    in.expect("{");
    while (in.inBlock("extend definition")) {
      Token t = in.peek();
      if (t.is(";")) {
        in.take();
        continue;
      }
      Supplier<FieldDescriptorProto.Builder> withExtendee = () -> {
        FieldDescriptorProto.Builder extension = add.get().setExtendee(extendee);
        typeRefs.add(new TypeRef(extendee, scope, extendeeToken, extension::setExtendee, null));
        return extension;
      };
      if (message == null) {
        // Groups in a file-level extend nest inside a message that does not exist; protoc
        // rejects them too.
        if (in.peek().is("group") || in.peekAhead(1).is("group")) {
          throw in.error(t, "groups are not allowed in a file-level extend");
        }
        field(withExtendee, null, scope, null);
      } else {
        field(withExtendee, message, scope, null);
      }
    }
  }

  private void fieldOptions(FieldDescriptorProto.Builder field, String scope) {
    if (!in.peek().is("[")) {
      return;
    }
    in.take();
    do {
      Token t = in.peek();
      if (t.is("default")) {
        in.take();
        in.expect("=");
        if (field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
          throw in.error(t, "repeated fields can't have default values");
        }
        if (!syntax.equals("proto2")) {
          throw in.error(t, "explicit default values are not allowed in " + syntax);
        }
        defaults.add(new PendingDefault(field, opts.value()));
      } else if (t.is("json_name")) {
        in.take();
        in.expect("=");
        Token name = in.expectKind(Token.Kind.STRING, "string for json_name");
        field.setJsonName(name.text());
      } else {
        opts.optionAssignment(opts.target(FieldOptions.getDescriptor(), field::getOptions,
            m -> field.setOptions((FieldOptions) m), scope));
      }
    } while (in.tryTake(","));
    in.expect("]");
  }

}
