package io.pygrpc.descriptor.compiler;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sets option statements on the options messages they name, standard options by field name and
 * custom ones ({@code (my.ext).field}) through the extension that defines them, as protoc stores
 * them: custom options become extension fields of the options message.
 */
final class OptionInterpreter {
  private final String file;
  /** Extensions visible to the file, by full name. */
  private final Map<String, FieldDescriptor> extensions = new HashMap<>();

  /** Option paths already set on each target, to refuse setting one twice as protoc does. */
  private final Map<OptionTarget, Set<String>> assigned = new IdentityHashMap<>();

  OptionInterpreter(String file, FileDescriptor draft) {
    this.file = file;
    collect(draft, new HashSet<>());
  }

  /**
   * Sets one option. Like protoc, each statement is serialized on its own and appended, so
   * {@code (http).post} and {@code (http).body} stay two records of the extension.
   */
  void apply(PendingOption option) {
    OptionTarget target = option.target();
    String path = option.name().stream()
        .map(p -> p.extension() ? "(" + p.name() + ")" : p.name())
        .collect(Collectors.joining("."));
    DynamicMessage.Builder single = DynamicMessage.newBuilder(target.optionsType());
    boolean repeated = set(single, option.name(), 0, option.value(), target.scope());
    if (!repeated && !assigned.computeIfAbsent(target, t -> new HashSet<>()).add(path)) {
      PendingOption.NamePart last = option.name().get(option.name().size() - 1);
      throw error(last.at(), "option \"" + path + "\" was already set.");
    }
    Message current = target.current().get();
    try {
      target.set().accept(current.getParserForType().parseFrom(
          current.toByteString().concat(single.build().toByteString())));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets the named (sub)field on a fresh builder; returns whether the leaf is repeated. */
  private boolean set(DynamicMessage.Builder builder, List<PendingOption.NamePart> name,
      int index, OptionValue value, String scope) {
    PendingOption.NamePart part = name.get(index);
    FieldDescriptor field = field(builder.getDescriptorForType(), part, scope);
    if (index < name.size() - 1) {
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isRepeated()) {
        throw error(part.at(), "option \"" + part.name() + "\" is an atomic type, not a "
            + "message.");
      }
      DynamicMessage.Builder inner = DynamicMessage.newBuilder(field.getMessageType());
      boolean repeated = set(inner, name, index + 1, value, scope);
      builder.setField(field, inner.build());
      return repeated;
    }
    Object converted = convert(field, value, part.name());
    if (field.isRepeated()) {
      builder.addRepeatedField(field, converted);
    } else {
      builder.setField(field, converted);
    }
    return field.isRepeated();
  }

  private FieldDescriptor field(Descriptor type, PendingOption.NamePart part, String scope) {
    if (!part.extension()) {
      FieldDescriptor field = type.findFieldByName(part.name());
      if (field == null) {
        throw error(part.at(), "option \"" + part.name() + "\" unknown.");
      }
      return field;
    }
    FieldDescriptor extension = resolveExtension(part.name(), scope);
    if (extension == null) {
      throw error(part.at(), "option \"(" + part.name() + ")\" unknown. Ensure that your proto "
          + "definition file imports the proto which defines the option.");
    }
    if (!extension.getContainingType().getFullName().equals(type.getFullName())) {
      throw error(part.at(), "option \"(" + part.name() + ")\" extends \""
          + extension.getContainingType().getFullName() + "\", not \"" + type.getFullName()
          + "\".");
    }
    return extension;
  }

  private FieldDescriptor resolveExtension(String written, String scope) {
    if (written.startsWith(".")) {
      return extensions.get(written.substring(1));
    }
    String current = scope;
    while (true) {
      FieldDescriptor found = extensions.get(current.isEmpty() ? written : current + "." + written);
      if (found != null || current.isEmpty()) {
        return found;
      }
      int last = current.lastIndexOf('.');
      current = last < 0 ? "" : current.substring(0, last);
    }
  }

  private Object convert(FieldDescriptor field, OptionValue value, String name) {
    Token at = value.at();
    switch (field.getJavaType()) {
      case MESSAGE -> {
        if (!value.isAggregate()) {
          throw error(at, "option \"" + name + "\" is a message. To set the entire message, use "
              + "syntax like \"" + name + " = { <proto text format> }\".");
        }
        DynamicMessage.Builder message = DynamicMessage.newBuilder(field.getMessageType());
        try {
          TextFormat.merge(value.text(), message);
        } catch (TextFormat.ParseException e) {
          throw error(at, "error while parsing option value for \"" + name + "\": "
              + e.getMessage());
        }
        return message.build();
      }
      case ENUM -> {
        if (value.kind() != Token.Kind.IDENT || value.negative()) {
          throw error(at, "value must be identifier for enum-valued option \"" + name + "\".");
        }
        EnumValueDescriptor found = field.getEnumType().findValueByName(value.text());
        if (found == null) {
          throw error(at, "enum type \"" + field.getEnumType().getFullName()
              + "\" has no value named \"" + value.text() + "\" for option \"" + name + "\".");
        }
        return found;
      }
      case BOOLEAN -> {
        if (value.kind() != Token.Kind.IDENT || !value.text().equals("true")
            && !value.text().equals("false")) {
          throw error(at, "value must be \"true\" or \"false\" for boolean option \"" + name
              + "\".");
        }
        return value.text().equals("true");
      }
      case STRING -> {
        requireString(value, name);
        return new String(value.text().getBytes(StandardCharsets.ISO_8859_1),
            StandardCharsets.UTF_8);
      }
      case BYTE_STRING -> {
        requireString(value, name);
        return ByteString.copyFrom(value.text(), StandardCharsets.ISO_8859_1);
      }
      case FLOAT, DOUBLE -> {
        Double d = ProtoValues.floatValue(value);
        if (d == null) {
          throw error(at, "value must be number for " + field.getType().name()
              .toLowerCase(Locale.ROOT) + " option \"" + name + "\".");
        }
        return field.getJavaType() == FieldDescriptor.JavaType.FLOAT ? (Object) d.floatValue()
            : (Object) d;
      }
      default -> {
        if (value.kind() != Token.Kind.INT) {
          throw error(at, "value must be integer for option \"" + name + "\".");
        }
        long magnitude = ProtoValues.parseInteger(value.text(), () -> error(at,
            "integer out of range."));
        IntegerRange.check(file, at, field.toProto().getType(), value.negative(), magnitude);
        long v = value.negative() ? -magnitude : magnitude;
        return field.getJavaType() == FieldDescriptor.JavaType.INT ? (Object) (int) v
            : (Object) v;
      }
    }
  }

  private void requireString(OptionValue value, String name) {
    if (value.kind() != Token.Kind.STRING) {
      throw error(value.at(), "value must be quoted string for string option \"" + name + "\".");
    }
  }

  private void collect(FileDescriptor f, Set<String> seen) {
    if (!seen.add(f.getName())) {
      return;
    }
    f.getExtensions().forEach(e -> extensions.put(e.getFullName(), e));
    f.getMessageTypes().forEach(this::collect);
    f.getDependencies().forEach(d -> collect(d, seen));
  }

  private void collect(Descriptor message) {
    message.getExtensions().forEach(e -> extensions.put(e.getFullName(), e));
    message.getNestedTypes().forEach(this::collect);
  }

  private ProtoSyntaxError error(Token at, String message) {
    return new ProtoSyntaxError(file, at.line(), at.column(), message);
  }
}
