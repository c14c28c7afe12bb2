package io.pygrpc.descriptor.compiler;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumOptions;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueOptions;
import com.google.protobuf.DescriptorProtos.ExtensionRangeOptions;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceOptions;
import com.google.protobuf.DescriptorProtos.Edition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
  private final List<Token> tokens;
  private int next;
  private final FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder();
  private final List<PendingOption> options = new ArrayList<>();
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
    this.tokens = ProtoLexer.tokenize(fileName, source);
  }

  /**
   * Parses a file.
   *
   * @throws ProtoSyntaxError at the first mistake, as {@code file:line:col: message}
   */
  static Parsed parse(String fileName, String source) {
    ProtoParser parser = new ProtoParser(fileName, source);
    parser.parseFile();
    return new Parsed(parser.file, parser.options, parser.defaults, parser.typeRefs,
        parser.importAt);
  }

  private void parseFile() {
    file.setName(fileName);
    if (peek().is("syntax")) {
      take();
      expect("=");
      Token value = expectKind(Token.Kind.STRING, "syntax identifier");
      if (!value.text().equals("proto2") && !value.text().equals("proto3")) {
        throw error(value, "unrecognized syntax identifier \"" + value.text()
            + "\"; this parser only recognizes \"proto2\" and \"proto3\"");
      }
      syntax = value.text();
      expect(";");
    } else if (peek().is("edition")) {
      take();
      expect("=");
      Token value = expectKind(Token.Kind.STRING, "edition");
      Edition edition = switch (value.text()) {
        case "2023" -> Edition.EDITION_2023;
        case "2024" -> Edition.EDITION_2024;
        default -> throw error(value, "unknown edition \"" + value.text() + "\"");
      };
      syntax = "editions";
      file.setEdition(edition);
      expect(";");
    }
    if (!syntax.equals("proto2")) {
      file.setSyntax(syntax);
    }
    String scope = "";
    while (peek().kind() != Token.Kind.EOF) {
      Token t = peek();
      if (t.is(";")) {
        take();
      } else if (t.is("package")) {
        take();
        if (file.hasPackage()) {
          throw error(t, "multiple package definitions");
        }
        file.setPackage(fullIdent());
        scope = file.getPackage();
        expect(";");
      } else if (t.is("import")) {
        take();
        importAt.add(t);
        if (peek().is("public")) {
          take();
          file.addPublicDependency(file.getDependencyCount());
        } else if (peek().is("weak")) {
          take();
          file.addWeakDependency(file.getDependencyCount());
        }
        file.addDependency(expectKind(Token.Kind.STRING, "a string naming the file to import")
            .text());
        expect(";");
      } else if (t.is("option")) {
        take();
        optionStatement(target(FileOptions.getDescriptor(), file::getOptions,
            m -> file.setOptions((FileOptions) m), scope));
      } else if (t.is("message")) {
        take();
        message(file.addMessageTypeBuilder(), scope);
      } else if (t.is("enum")) {
        take();
        enumType(file.addEnumTypeBuilder(), scope);
      } else if (t.is("service")) {
        take();
        service(file.addServiceBuilder(), scope);
      } else if (t.is("extend")) {
        take();
        extend(file::addExtensionBuilder, null, scope);
      } else {
        throw error(t, "expected top-level statement (e.g. \"message\")");
      }
    }
  }

  private void message(DescriptorProto.Builder message, String outer) {
    message.setName(ident("message name"));
    messageBody(message, outer.isEmpty() ? message.getName() : outer + "." + message.getName());
  }

  private void messageBody(DescriptorProto.Builder message, String scope) {
    expect("{");
    while (!peek().is("}")) {
      Token t = peek();
      if (t.kind() == Token.Kind.EOF) {
        throw error(t, "reached end of input in message definition (missing '}')");
      }
      if (t.is(";")) {
        take();
      } else if (t.is("message")) {
        take();
        message(message.addNestedTypeBuilder(), scope);
      } else if (t.is("enum")) {
        take();
        enumType(message.addEnumTypeBuilder(), scope);
      } else if (t.is("extend")) {
        take();
        extend(message::addExtensionBuilder, message, scope);
      } else if (t.is("option")) {
        take();
        optionStatement(target(MessageOptions.getDescriptor(), message::getOptions,
            m -> message.setOptions((MessageOptions) m), scope));
      } else if (t.is("oneof")) {
        take();
        oneof(message, scope);
      } else if (t.is("extensions")) {
        take();
        extensions(message, scope);
      } else if (t.is("reserved")) {
        take();
        reserved(message);
      } else {
        field(message::addFieldBuilder, message, scope, null);
      }
    }
    take();
    synthesizeProto3OptionalOneofs(message);
  }

  /** protoc gives each proto3 {@code optional} field a oneof of its own, after the real ones. */
  private static void synthesizeProto3OptionalOneofs(DescriptorProto.Builder message) {
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

  private void field(java.util.function.Supplier<FieldDescriptorProto.Builder> add,
      DescriptorProto.Builder message, String scope, Integer oneofIndex) {
    Token start = peek();
    FieldDescriptorProto.Label label = null;
    boolean proto3Optional = false;
    if (oneofIndex == null) {
      if (start.is("optional")) {
        take();
        label = FieldDescriptorProto.Label.LABEL_OPTIONAL;
        proto3Optional = syntax.equals("proto3");
      } else if (start.is("required")) {
        take();
        if (!syntax.equals("proto2")) {
          throw error(start, "required fields are not allowed in " + syntax);
        }
        label = FieldDescriptorProto.Label.LABEL_REQUIRED;
      } else if (start.is("repeated")) {
        take();
        label = FieldDescriptorProto.Label.LABEL_REPEATED;
      }
    }
    Token typeToken = peek();
    if (typeToken.is("map") && tokens.get(next + 1).is("<")) {
      if (label != null) {
        throw error(start, "field labels (required/optional/repeated) are not allowed on map "
            + "fields");
      }
      mapField(add.get(), message, scope);
      return;
    }
    if (label == null && oneofIndex == null && syntax.equals("proto2")
        && !typeToken.is("group")) {
      throw error(typeToken, "expected \"required\", \"optional\", or \"repeated\"");
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
      take();
      Token nameToken = peek();
      String groupName = ident("group name");
      if (!Character.isUpperCase(groupName.charAt(0))) {
        throw error(nameToken, "group names must start with a capital letter");
      }
      field.setName(groupName.toLowerCase(java.util.Locale.ROOT));
      field.setJsonName(jsonName(field.getName()));
      field.setType(FieldDescriptorProto.Type.TYPE_GROUP).setTypeName(groupName);
      typeRefs.add(new TypeRef(groupName, scope, nameToken, field::setTypeName, null));
      field.setNumber(fieldNumber());
      fieldOptions(field, scope);
      DescriptorProto.Builder group = message.addNestedTypeBuilder().setName(groupName);
      messageBody(group, scope + "." + groupName);
    } else {
      String type = typeName();
      FieldDescriptorProto.Type scalar = SCALARS.get(type);
      if (scalar != null) {
        field.setType(scalar);
      } else {
        field.setTypeName(type);
        typeRefs.add(new TypeRef(type, scope, typeToken, field::setTypeName, field::setType));
      }
      field.setName(ident("field name"));
      field.setJsonName(jsonName(field.getName()));
      field.setNumber(fieldNumber());
      fieldOptions(field, scope);
      expect(";");
    }
  }

  private void mapField(FieldDescriptorProto.Builder field, DescriptorProto.Builder message,
      String scope) {
    take();
    expect("<");
    Token keyToken = peek();
    String key = typeName();
    expect(",");
    Token valueToken = peek();
    String value = typeName();
    expect(">");
    field.setName(ident("field name"));
    field.setNumber(fieldNumber());
    String entryName = mapEntryName(field.getName());
    field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
        .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
        .setTypeName(entryName)
        .setJsonName(jsonName(field.getName()));
    typeRefs.add(new TypeRef(entryName, scope, keyToken, field::setTypeName, null));
    DescriptorProto.Builder entry = message.addNestedTypeBuilder().setName(entryName);
    entry.getOptionsBuilder().setMapEntry(true);
    FieldDescriptorProto.Type keyType = SCALARS.get(key);
    if (keyType == null || keyType == FieldDescriptorProto.Type.TYPE_DOUBLE
        || keyType == FieldDescriptorProto.Type.TYPE_FLOAT
        || keyType == FieldDescriptorProto.Type.TYPE_BYTES) {
      throw error(keyToken, "key in map fields cannot be float/double, bytes or message types");
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
    expect(";");
  }

  private void oneof(DescriptorProto.Builder message, String scope) {
    int index = message.getOneofDeclCount();
    OneofDescriptorProto.Builder oneof = message.addOneofDeclBuilder().setName(ident("oneof name"));
    expect("{");
    while (!peek().is("}")) {
      Token t = peek();
      if (t.kind() == Token.Kind.EOF) {
        throw error(t, "reached end of input in oneof definition (missing '}')");
      }
      if (t.is("option")) {
        take();
        optionStatement(target(OneofOptions.getDescriptor(), oneof::getOptions,
            m -> oneof.setOptions((OneofOptions) m), scope));
      } else if (t.is(";")) {
        take();
      } else {
        if (t.is("optional") || t.is("required") || t.is("repeated")) {
          throw error(t, "fields in oneofs must not have labels (required / optional / repeated)");
        }
        field(message::addFieldBuilder, message, scope, index);
      }
    }
    take();
  }

  private void extensions(DescriptorProto.Builder message, String scope) {
    int first = message.getExtensionRangeCount();
    do {
      int start = integer("extension number");
      int end = start;
      if (peek().is("to")) {
        take();
        end = peek().is("max") ? takeMax() : integer("extension number");
      }
      message.addExtensionRangeBuilder().setStart(start).setEnd(end + 1);
    } while (tryTake(","));
    if (peek().is("[")) {
      take();
      int last = message.getExtensionRangeCount();
      // The options apply to every range of the statement.
      OptionTarget ranges = target(ExtensionRangeOptions.getDescriptor(),
          () -> message.getExtensionRangeBuilder(first).getOptions(), m -> {
            for (int i = first; i < last; i++) {
              message.getExtensionRangeBuilder(i).setOptions((ExtensionRangeOptions) m);
            }
          }, scope);
      do {
        optionAssignment(ranges);
      } while (tryTake(","));
      expect("]");
    }
    expect(";");
  }

  private int takeMax() {
    take();
    return MAX_FIELD_NUMBER;
  }

  private void reserved(DescriptorProto.Builder message) {
    if (peek().kind() == Token.Kind.STRING || peek().kind() == Token.Kind.IDENT) {
      do {
        Token name = take();
        message.addReservedName(name.text());
      } while (tryTake(","));
    } else {
      do {
        int start = integer("field number");
        int end = start;
        if (peek().is("to")) {
          take();
          end = peek().is("max") ? takeMax() : integer("field number");
        }
        message.addReservedRangeBuilder().setStart(start).setEnd(end + 1);
      } while (tryTake(","));
    }
    expect(";");
  }

  private void enumType(EnumDescriptorProto.Builder type, String outer) {
    type.setName(ident("enum name"));
    String scope = outer;
    expect("{");
    while (!peek().is("}")) {
      Token t = peek();
      if (t.kind() == Token.Kind.EOF) {
        throw error(t, "reached end of input in enum definition (missing '}')");
      }
      if (t.is(";")) {
        take();
      } else if (t.is("option")) {
        take();
        optionStatement(target(EnumOptions.getDescriptor(), type::getOptions,
            m -> type.setOptions((EnumOptions) m), scope));
      } else if (t.is("reserved")) {
        take();
        if (peek().kind() == Token.Kind.STRING || peek().kind() == Token.Kind.IDENT) {
          do {
            type.addReservedName(take().text());
          } while (tryTake(","));
        } else {
          do {
            int start = signedInteger("enum value number");
            int end = start;
            if (peek().is("to")) {
              take();
              end = peek().is("max") ? takeMaxInt() : signedInteger("enum value number");
            }
            type.addReservedRangeBuilder().setStart(start).setEnd(end);
          } while (tryTake(","));
        }
        expect(";");
      } else {
        EnumValueDescriptorProto.Builder value = type.addValueBuilder()
            .setName(ident("enum constant name"));
        expect("=");
        value.setNumber(signedInteger("enum value number"));
        if (peek().is("[")) {
          take();
          do {
            optionAssignment(target(EnumValueOptions.getDescriptor(), value::getOptions,
                m -> value.setOptions((EnumValueOptions) m), scope));
          } while (tryTake(","));
          expect("]");
        }
        expect(";");
      }
    }
    take();
  }

  private int takeMaxInt() {
    take();
    return Integer.MAX_VALUE;
  }

  private void service(ServiceDescriptorProto.Builder service, String scope) {
    service.setName(ident("service name"));
    expect("{");
    while (!peek().is("}")) {
      Token t = peek();
      if (t.kind() == Token.Kind.EOF) {
        throw error(t, "reached end of input in service definition (missing '}')");
      }
      if (t.is(";")) {
        take();
      } else if (t.is("option")) {
        take();
        optionStatement(target(ServiceOptions.getDescriptor(), service::getOptions,
            m -> service.setOptions((ServiceOptions) m), scope));
      } else if (t.is("rpc")) {
        take();
        rpc(service.addMethodBuilder(), scope);
      } else {
        throw error(t, "expected \"rpc\", \"option\" or \"}\"");
      }
    }
    take();
  }

  private void rpc(MethodDescriptorProto.Builder method, String scope) {
    method.setName(ident("method name"));
    expect("(");
    if (tryTake("stream")) {
      method.setClientStreaming(true);
    }
    Token inputToken = peek();
    method.setInputType(typeName());
    typeRefs.add(new TypeRef(method.getInputType(), scope, inputToken, method::setInputType,
        null));
    expect(")");
    expect("returns");
    expect("(");
    if (tryTake("stream")) {
      method.setServerStreaming(true);
    }
    Token outputToken = peek();
    method.setOutputType(typeName());
    typeRefs.add(new TypeRef(method.getOutputType(), scope, outputToken, method::setOutputType,
        null));
    expect(")");
    if (peek().is("{")) {
      take();
      // protoc gives a method with a body an options message, even an empty one.
      method.getOptionsBuilder();
      while (!peek().is("}")) {
        Token t = peek();
        if (t.kind() == Token.Kind.EOF) {
          throw error(t, "reached end of input in method options (missing '}')");
        }
        if (t.is(";")) {
          take();
        } else if (t.is("option")) {
          take();
          optionStatement(target(MethodOptions.getDescriptor(), method::getOptions,
              m -> method.setOptions((MethodOptions) m), scope));
        } else {
          throw error(t, "expected \"option\" or \"}\"");
        }
      }
      take();
    } else {
      expect(";");
    }
  }

  private void extend(java.util.function.Supplier<FieldDescriptorProto.Builder> add,
      DescriptorProto.Builder message, String scope) {
    Token extendeeToken = peek();
    String extendee = typeName();
    expect("{");
    while (!peek().is("}")) {
      Token t = peek();
      if (t.kind() == Token.Kind.EOF) {
        throw error(t, "reached end of input in extend definition (missing '}')");
      }
      if (t.is(";")) {
        take();
        continue;
      }
      java.util.function.Supplier<FieldDescriptorProto.Builder> withExtendee = () -> {
        FieldDescriptorProto.Builder extension = add.get().setExtendee(extendee);
        typeRefs.add(new TypeRef(extendee, scope, extendeeToken, extension::setExtendee, null));
        return extension;
      };
      if (message == null) {
        // Groups in a file-level extend nest inside a message that does not exist; protoc
        // rejects them too.
        if (peek().is("group") || tokens.get(next + 1).is("group")) {
          throw error(t, "groups are not allowed in a file-level extend");
        }
        field(withExtendee, null, scope, null);
      } else {
        field(withExtendee, message, scope, null);
      }
    }
    take();
  }

  private void fieldOptions(FieldDescriptorProto.Builder field, String scope) {
    if (!peek().is("[")) {
      return;
    }
    take();
    do {
      Token t = peek();
      if (t.is("default")) {
        take();
        expect("=");
        if (field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
          throw error(t, "repeated fields can't have default values");
        }
        if (!syntax.equals("proto2")) {
          throw error(t, "explicit default values are not allowed in " + syntax);
        }
        defaults.add(new PendingDefault(field, value()));
      } else if (t.is("json_name")) {
        take();
        expect("=");
        Token name = expectKind(Token.Kind.STRING, "string for json_name");
        field.setJsonName(name.text());
      } else {
        optionAssignment(target(FieldOptions.getDescriptor(), field::getOptions,
            m -> field.setOptions((FieldOptions) m), scope));
      }
    } while (tryTake(","));
    expect("]");
  }

  /** protoc's default JSON name: underscores dropped, the letter after each capitalised. */
  static String jsonName(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
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

  private void optionStatement(OptionTarget target) {
    optionAssignment(target);
    expect(";");
  }

  private void optionAssignment(OptionTarget target) {
    List<PendingOption.NamePart> name = new ArrayList<>();
    do {
      Token at = peek();
      if (tryTake("(")) {
        StringBuilder ext = new StringBuilder();
        if (tryTake(".")) {
          ext.append('.');
        }
        ext.append(ident("option name"));
        while (tryTake(".")) {
          ext.append('.').append(ident("option name"));
        }
        expect(")");
        name.add(new PendingOption.NamePart(ext.toString(), true, at));
      } else {
        name.add(new PendingOption.NamePart(ident("option name"), false, at));
      }
    } while (tryTake("."));
    expect("=");
    options.add(new PendingOption(target, List.copyOf(name), value()));
  }

  private OptionValue value() {
    Token at = peek();
    if (at.is("{")) {
      return new OptionValue(Token.Kind.SYMBOL, aggregate(), false, at);
    }
    boolean negative = tryTake("-");
    Token t = take();
    switch (t.kind()) {
      case INT, FLOAT, IDENT -> {
        return new OptionValue(t.kind(), t.text(), negative, at);
      }
      case STRING -> {
        if (negative) {
          throw error(t, "expected number after \"-\"");
        }
        StringBuilder joined = new StringBuilder(t.text());
        while (peek().kind() == Token.Kind.STRING) {
          joined.append(take().text());
        }
        return new OptionValue(Token.Kind.STRING, joined.toString(), false, at);
      }
      default -> throw error(t, "expected option value, got " + t.shown());
    }
  }

  /** The text of a {@code { ... }} value, re-joined from its tokens for protobuf's text parser. */
  private String aggregate() {
    StringBuilder text = new StringBuilder();
    int depth = 0;
    do {
      Token t = take();
      if (t.kind() == Token.Kind.EOF) {
        throw error(t, "unexpected end of file in aggregate value");
      }
      if (t.is("{") || t.is("<")) {
        depth++;
      } else if (t.is("}") || t.is(">")) {
        depth--;
      }
      if (depth == 0 && t.is("}")) {
        break;
      }
      if (!(depth == 1 && t.is("{") && text.isEmpty())) {
        text.append(t.kind() == Token.Kind.STRING ? quote(t.text()) : t.text()).append(' ');
      }
    } while (true);
    return text.toString().trim();
  }

  private static String quote(String latin1) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : latin1.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      } else {
        out.append(String.format("\\%03o", (int) c));
      }
    }
    return out.append('"').toString();
  }

  private OptionTarget target(com.google.protobuf.Descriptors.Descriptor type,
      java.util.function.Supplier<? extends com.google.protobuf.Message> current,
      java.util.function.Consumer<com.google.protobuf.Message> set, String scope) {
    return new OptionTarget(type, current::get, set, scope);
  }

  private int fieldNumber() {
    expect("=");
    Token at = peek();
    int number = integer("field number");
    if (number < 1 || number > MAX_FIELD_NUMBER) {
      throw error(at, "field numbers must be between 1 and " + MAX_FIELD_NUMBER);
    }
    return number;
  }

  private int integer(String what) {
    Token t = take();
    if (t.kind() != Token.Kind.INT) {
      throw error(t, "expected " + what + ", got " + t.shown());
    }
    long value = ProtoValues.parseInteger(t.text(), () -> error(t, "integer out of range"));
    if (value > Integer.MAX_VALUE) {
      throw error(t, "integer out of range");
    }
    return (int) value;
  }

  private int signedInteger(String what) {
    boolean negative = tryTake("-");
    Token t = take();
    if (t.kind() != Token.Kind.INT) {
      throw error(t, "expected " + what + ", got " + t.shown());
    }
    long value = ProtoValues.parseInteger(t.text(), () -> error(t, "integer out of range"));
    long signed = negative ? -value : value;
    if (signed < Integer.MIN_VALUE || signed > Integer.MAX_VALUE) {
      throw error(t, "integer out of range");
    }
    return (int) signed;
  }

  private String typeName() {
    StringBuilder name = new StringBuilder();
    if (tryTake(".")) {
      name.append('.');
    }
    name.append(ident("type name"));
    while (tryTake(".")) {
      name.append('.').append(ident("type name"));
    }
    return name.toString();
  }

  private String fullIdent() {
    StringBuilder name = new StringBuilder(ident("identifier"));
    while (tryTake(".")) {
      name.append('.').append(ident("identifier"));
    }
    return name.toString();
  }

  private String ident(String what) {
    Token t = take();
    if (t.kind() != Token.Kind.IDENT) {
      throw error(t, "expected " + what + ", got " + t.shown());
    }
    return t.text();
  }

  private Token expectKind(Token.Kind kind, String what) {
    Token t = take();
    if (t.kind() != kind) {
      throw error(t, "expected " + what + ", got " + t.shown());
    }
    return t;
  }

  private void expect(String symbol) {
    Token t = take();
    if (!t.is(symbol)) {
      throw error(t, "expected \"" + symbol + "\", got " + t.shown());
    }
  }

  private boolean tryTake(String symbol) {
    if (peek().is(symbol)) {
      next++;
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token t = tokens.get(next);
    if (t.kind() != Token.Kind.EOF) {
      next++;
    }
    return t;
  }

  private ProtoSyntaxError error(Token at, String message) {
    return new ProtoSyntaxError(fileName, at.line(), at.column(), message);
  }

  static String mapEntryName(String fieldName) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : fieldName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else if (upper) {
        out.append(Character.toUpperCase(c));
        upper = false;
      } else {
        out.append(c);
      }
    }
    return out.append("Entry").toString();
  }
}
