package io.pygrpc.convert;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.TextFormat;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.pygrpc.internal.Suggestions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A message as scripts see it, behind the guest's own message object: fields are read by name,
 * lazily, and come out as the guest's natural values.
 *
 * <p>Scalars as they are (unsigned 64-bit values above {@code Long.MAX_VALUE} as big integers),
 * enums as value names, bytes as the guest's bytes, repeated fields as lists, maps as dicts,
 * nested messages as message objects (an unset one reads as its empty default, as in protobuf
 * Python). Well-known types read as natural values: {@code Timestamp} as a UTC date-time,
 * {@code Duration} as a duration, wrappers as their value, {@code Struct}/{@code Value}/
 * {@code ListValue} as dicts, lists and plain values; unset, they read as None.
 *
 * <p>Guests reach these methods through their bridge's functions, not as members of the view:
 * a Python message is the view itself, typed as its Python class, and a member of the view would
 * stand in front of a field of the same name. Not final: a guest may give each message type a
 * subclass of its own, to tell the types apart by their Java class.
 *
 * @since 0.3.0
 */
public class MessageView {
  private static final Set<String> WRAPPERS = Set.of("google.protobuf.DoubleValue",
      "google.protobuf.FloatValue", "google.protobuf.Int64Value", "google.protobuf.UInt64Value",
      "google.protobuf.Int32Value", "google.protobuf.UInt32Value", "google.protobuf.BoolValue",
      "google.protobuf.StringValue", "google.protobuf.BytesValue");

  private final Message message;
  private final GuestValues values;

  public MessageView(Message message, GuestValues values) {
    this.message = requireNonNull(message, "message");
    this.values = requireNonNull(values, "values");
  }

  /** The message behind the view. */
  public Message message() {
    return message;
  }

  /** The value of a field, by its .proto name or JSON name. */
  public Object get(String name) {
    return fieldValue(field(name));
  }

  /** Whether a field is set: protobuf Python's {@code HasField}. */
  public boolean has(String name) {
    FieldDescriptor field = field(name);
    if (field.isRepeated()) {
      throw values.attributeError("field \"" + name + "\" of " + typeName()
          + " is repeated; presence is its length");
    }
    if (!field.hasPresence()) {
      throw values.attributeError("field \"" + name + "\" of " + typeName()
          + " has no presence (a proto3 field without 'optional')");
    }
    return message.hasField(field);
  }

  /** The field names, in declaration order. */
  public List<String> fields() {
    return message.getDescriptorForType().getFields().stream().map(FieldDescriptor::getName)
        .toList();
  }

  /**
   * Every field's value in declaration order, as {@link #fields()} names them, for guests that
   * hold messages as plain objects (JavaScript): an unset message field is null there, as
   * protobuf.js has it, so a recursive type does not unfold forever.
   */
  public List<Object> plainValues() {
    List<Object> out = new ArrayList<>();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      boolean unsetMessage = !field.isRepeated()
          && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !message.hasField(field);
      boolean otherOneofMember = field.getRealContainingOneof() != null
          && !message.hasField(field);
      out.add(unsetMessage || otherOneofMember ? null : fieldValue(field));
    }
    return out;
  }

  /** The full name of the message type. */
  public String typeName() {
    return message.getDescriptorForType().getFullName();
  }

  /** The protobuf JSON mapping of the message. */
  public String json(boolean protoFieldNames, boolean includeDefaults, boolean indent) {
    JsonFormat.Printer printer = JsonFormat.printer();
    if (protoFieldNames) {
      printer = printer.preservingProtoFieldNames();
    }
    if (includeDefaults) {
      printer = printer.alwaysPrintFieldsWithNoPresence();
    }
    if (!indent) {
      printer = printer.omittingInsignificantWhitespace();
    }
    try {
      return printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      // Any fields whose type is unknown here cannot be printed; say which.
      throw new io.pygrpc.PygrpcException(io.pygrpc.PygrpcException.Kind.VALUE,
          typeName() + " cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /** The protobuf text format, as protobuf Python's {@code str(message)}. */
  public String text() {
    return TextFormat.printer().printToString(message);
  }

  /** {@code TypeName(field=value, ...)} with the set fields, for the guest's repr. */
  public String repr() {
    String shortName = message.getDescriptorForType().getName();
    String fields = TextFormat.printer().emittingSingleLine(true).printToString(message).trim();
    return shortName + "(" + fields + ")";
  }

  /** Whether the other view holds an equal message of the same type. */
  public boolean same(MessageView other) {
    return other != null && message.equals(other.message);
  }

  @Override
  public String toString() {
    return repr();
  }

  private String typeNameOf() {
    return typeName();
  }

  private FieldDescriptor field(String name) {
    Descriptor type = message.getDescriptorForType();
    FieldDescriptor field = type.findFieldByName(name);
    if (field == null) {
      for (FieldDescriptor candidate : type.getFields()) {
        if (candidate.getJsonName().equals(name)) {
          return candidate;
        }
      }
      List<String> names = fields();
      throw values.attributeError(typeNameOf() + " has no field named \"" + name + "\""
          + Suggestions.closest(name, names).map(n -> " (did you mean \"" + n + "\"?)")
              .orElse("") + "; its fields are: " + String.join(", ", names));
    }
    return field;
  }

  private Object fieldValue(FieldDescriptor field) {
    if (field.isMapField()) {
      FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
      FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
      List<Object> keys = new ArrayList<>();
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
        Message entry = (Message) message.getRepeatedField(field, i);
        keys.add(single(key, entry.getField(key)));
        items.add(single(value, entry.getField(value)));
      }
      return values.map(keys, items);
    }
    if (field.isRepeated()) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
        items.add(single(field, message.getRepeatedField(field, i)));
      }
      return values.list(items);
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !message.hasField(field)) {
      if (isNatural(field.getMessageType().getFullName())) {
        return null; // an unset well-known type has no natural value
      }
      return values.message(values.view(message.getDefaultInstanceForType()
          .newBuilderForType().getFieldBuilder(field).build()));
    }
    return single(field, message.getField(field));
  }

  /** One value of a field as the script sees it. */
  private Object single(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case INT -> field.getType() == FieldDescriptor.Type.UINT32
          || field.getType() == FieldDescriptor.Type.FIXED32
          ? (Object) Integer.toUnsignedLong((Integer) value) : value;
      case LONG -> values.integer((field.getType() == FieldDescriptor.Type.UINT64
          || field.getType() == FieldDescriptor.Type.FIXED64) && (Long) value < 0
          ? new BigInteger(Long.toUnsignedString((Long) value)) : value);
      case ENUM -> {
        EnumValueDescriptor e = (EnumValueDescriptor) value;
        yield e.getIndex() >= 0 ? e.getName() : (Object) e.getNumber();
      }
      case BYTE_STRING -> values.bytes((ByteString) value);
      case MESSAGE -> natural((Message) value);
      default -> value;
    };
  }

  private static boolean isNatural(String type) {
    return WRAPPERS.contains(type) || switch (type) {
      case "google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.Struct",
          "google.protobuf.Value", "google.protobuf.ListValue" -> true;
      default -> false;
    };
  }

  /** A message value: well-known types as natural values, others as message objects. */
  private Object natural(Message value) {
    String type = value.getDescriptorForType().getFullName();
    Descriptor descriptor = value.getDescriptorForType();
    if (WRAPPERS.contains(type)) {
      FieldDescriptor inner = descriptor.findFieldByName("value");
      return single(inner, value.getField(inner));
    }
    switch (type) {
      case "google.protobuf.Timestamp", "google.protobuf.Duration" -> {
        long seconds = (Long) value.getField(descriptor.findFieldByName("seconds"));
        int nanos = (Integer) value.getField(descriptor.findFieldByName("nanos"));
        return type.endsWith("Timestamp") ? values.timestamp(seconds, nanos)
            : values.duration(seconds, nanos);
      }
      case "google.protobuf.Struct" -> {
        return struct(reparse(value, Struct.getDefaultInstance()));
      }
      case "google.protobuf.Value" -> {
        return jsonValue(reparse(value, Value.getDefaultInstance()));
      }
      case "google.protobuf.ListValue" -> {
        return listValue(reparse(value, ListValue.getDefaultInstance()));
      }
      default -> {
        return values.message(values.view(value));
      }
    }
  }

  private Object struct(Struct struct) {
    List<Object> keys = new ArrayList<>(struct.getFieldsMap().keySet());
    List<Object> items = new ArrayList<>();
    for (Object key : keys) {
      items.add(jsonValue(struct.getFieldsMap().get((String) key)));
    }
    return values.map(keys, items);
  }

  private Object listValue(ListValue list) {
    List<Object> items = new ArrayList<>();
    list.getValuesList().forEach(v -> items.add(jsonValue(v)));
    return values.list(items);
  }

  private Object jsonValue(Value value) {
    return switch (value.getKindCase()) {
      case NULL_VALUE, KIND_NOT_SET -> null;
      case NUMBER_VALUE -> value.getNumberValue();
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> value.getBoolValue();
      case STRUCT_VALUE -> struct(value.getStructValue());
      case LIST_VALUE -> listValue(value.getListValue());
    };
  }

  /** A dynamic message as the generated class, for the well-known types' accessors. */
  @SuppressWarnings("unchecked")
  private static <T extends Message> T reparse(Message value, T prototype) {
    if (prototype.getClass().isInstance(value)) {
      return (T) value;
    }
    try {
      return (T) prototype.getParserForType().parseFrom(value.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
