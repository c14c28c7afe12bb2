package io.pygrpc.convert;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.internal.Suggestions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a protobuf message from script values, checking every field against its declared type.
 *
 * <p>All problems in one request are collected and reported together, each with the full path
 * of the field, what was expected and what was given, e.g.
 * {@code pygrpc.demo.Record.where.x: expected an integer (int32), got str "a"}.
 *
 * @since 0.3.0
 */
public final class MessageConverter {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final List<String> errors = new ArrayList<>();
  private final Function<String, Descriptor> types;
  private Kind firstKind;
  /** The call options {@link #fromKeywords} watches for, and whether the walk met one. */
  private Set<String> keywords = Set.of();
  private boolean skipped;

  private MessageConverter(Function<String, Descriptor> types) {
    this.types = types;
  }

  /**
   * Converts a map of field values (or a message of the same type) into a message.
   *
   * @throws PygrpcException listing every field that could not be converted
   */
  public static DynamicMessage toMessage(Descriptor type, InputValue fields) {
    return toMessage(type, fields, null);
  }

  /**
   * As {@link #toMessage(Descriptor, InputValue)}, resolving the message types that
   * {@code google.protobuf.Any} values name in {@code "@type"} with {@code types}.
   */
  public static DynamicMessage toMessage(Descriptor type, InputValue fields,
      Function<String, Descriptor> types) {
    MessageConverter converter = new MessageConverter(types);
    DynamicMessage message = converter.message(type, fields, type.getFullName());
    converter.report();
    return message;
  }

  /** Throws what was collected, if anything. */
  private void report() {
    if (!errors.isEmpty()) {
      String text = errors.size() == 1
          ? errors.get(0)
          : errors.size() + " fields could not be converted:\n  " + String.join("\n  ", errors);
      throw new PygrpcException(firstKind, text);
    }
  }

  /**
   * As {@link #toMessage(Descriptor, InputValue, Function)}, for a script's keyword arguments,
   * among which the names in {@code reserved} are not fields but the call's own options
   * ({@code timeout=...}): null, before anything is converted or reported, when one of them is
   * given, for the caller to take them out and convert the rest.
   *
   * <p>Costs nothing in the common case: a mapping whose keys are all the type's field names
   * holds none of the reserved ones, unless the type has a field named like one, and a mapping
   * walked entry by entry shows each key anyway.
   */
  public static DynamicMessage fromKeywords(Descriptor type, InputValue fields,
      Function<String, Descriptor> types, Set<String> reserved) {
    if (type.getFile().getPackage().equals("google.protobuf") || !namesNone(type, reserved)) {
      // Converted in their own ways, or by a walk that would take a reserved key as a field.
      boolean[] given = {false};
      if (fields.type() == InputValue.Type.MAP) {
        fields.forEachEntry((key, value) -> given[0] |= key.type() == InputValue.Type.STRING
            && reserved.contains(key.asString()));
      }
      return given[0] ? null : toMessage(type, fields, types);
    }
    MessageConverter converter = new MessageConverter(types);
    converter.keywords = reserved;
    DynamicMessage message = fields.type() == InputValue.Type.MAP
        ? converter.fields(type, fields, type.getFullName(), reserved, true) // names checked
        : converter.message(type, fields, type.getFullName());
    if (converter.skipped) {
      return null;
    }
    converter.report();
    return message;
  }

  /**
   * Whether none of {@code names} is the name of one of the type's fields. Walks the fields:
   * {@code findFieldByName} builds the field's full name as a new string each time, and this
   * runs on every call with keyword arguments.
   */
  private static boolean namesNone(Descriptor type, Set<String> names) {
    for (FieldDescriptor field : type.getFields()) {
      if (names.contains(field.getName())) {
        return false;
      }
    }
    return true;
  }

  private DynamicMessage message(Descriptor type, InputValue value, String path) {
    if (type.getFile().getPackage().equals("google.protobuf")) {
      int before = errors.size();
      DynamicMessage natural = WellKnownInput.convert(this, type, value, path, types);
      if (natural != null || errors.size() > before) {
        return natural;
      }
    }
    switch (value.type()) {
      case MESSAGE -> {
        Message given = value.asMessage();
        if (given.getDescriptorForType().getFullName().equals(type.getFullName())) {
          return given instanceof DynamicMessage dynamic && given.getDescriptorForType() == type
              ? dynamic
              : copy(type, given, path);
        }
        fail(Kind.TYPE, path, "a " + type.getFullName() + " message or a dict of its fields",
            "a " + given.getDescriptorForType().getFullName() + " message");
        return null;
      }
      case MAP -> {
        return fields(type, value, path, Set.of());
      }
      default -> {
        fail(Kind.TYPE, path, "a dict of the fields of " + type.getFullName(), given(value));
        return null;
      }
    }
  }

  /**
   * A message from a mapping of its fields, skipping the given keys. Looking the fields up by
   * name is tried first when no field is named like a skipped key: when it succeeds, every key
   * was a field's name.
   */
  DynamicMessage fields(Descriptor type, InputValue value, String path, Set<String> skip) {
    return fields(type, value, path, skip, skip.isEmpty() || namesNone(type, skip));
  }

  /** As above; {@code lookUp}: whether looking the fields up by name may be tried first. */
  private DynamicMessage fields(Descriptor type, InputValue value, String path,
      Set<String> skip, boolean lookUp) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    Map<OneofDescriptor, FieldDescriptor> oneofs = new HashMap<>();
    if (!(lookUp && byName(type, value, path, builder, oneofs))) {
      value.forEachEntry((key, fieldValue) -> {
        if (key.type() != InputValue.Type.STRING) {
          fail(Kind.TYPE, path, "field names as strings", key.typeName() + " key "
              + key.preview());
          return;
        }
        String name = key.asString(); // read once: each read is a call into the guest
        if (skip.contains(name)) {
          // The top level's call options, not a nested Any's "@type" (skipped as well).
          skipped |= skip == keywords;
          return;
        }
        FieldDescriptor field = field(type, name, path);
        if (field != null) {
          setOne(builder, oneofs, field, fieldValue, path);
        }
      });
    }
    DynamicMessage built = builder.buildPartial();
    List<String> missing = missingRequired(type, built);
    if (!missing.isEmpty()) {
      // proto2 required fields: say which, rather than let build() throw.
      errors.add(path + ": missing required field" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing));
      if (firstKind == null) {
        firstKind = Kind.VALUE;
      }
      return null;
    }
    return built;
  }

  /**
   * The names of the proto2 required fields {@code built} lacks. A loop, not a stream: it runs
   * for every message converted, and a pipeline is several objects made each time.
   */
  private static List<String> missingRequired(Descriptor type, DynamicMessage built) {
    List<String> missing = List.of();
    for (FieldDescriptor field : type.getFields()) {
      if (field.isRequired() && !built.hasField(field)) {
        if (missing.isEmpty()) {
          missing = new ArrayList<>();
        }
        missing.add(field.getName());
      }
    }
    return missing;
  }

  /**
   * Sets the fields by looking each one up by name, when the mapping can be asked by key and
   * has about as many entries as the message has fields: walking it costs several calls into
   * the guest an entry, a lookup one. False, with nothing set, when some key is not a field's
   * name: the walk then takes JSON names and names the mistakes.
   */
  private boolean byName(Descriptor type, InputValue value, String path,
      DynamicMessage.Builder builder, Map<OneofDescriptor, FieldDescriptor> oneofs) {
    long size = value.entryCount();
    List<FieldDescriptor> fields = type.getFields();
    if (size < 0 || fields.size() > 2 * size + 4) {
      return false;
    }
    InputValue[] found = new InputValue[fields.size()];
    long hits = 0;
    for (int i = 0; i < found.length && hits < size; i++) {
      found[i] = value.entry(fields.get(i).getName());
      if (found[i] != null) {
        hits++;
      }
    }
    if (hits != size) {
      return false;
    }
    for (int i = 0; i < found.length; i++) {
      if (found[i] != null) {
        setOne(builder, oneofs, fields.get(i), found[i], path);
      }
    }
    return true;
  }

  /** Sets one field of a mapping's (a None leaves it unset; at most one member of a oneof). */
  private void setOne(DynamicMessage.Builder builder, Map<OneofDescriptor, FieldDescriptor> oneofs,
      FieldDescriptor field, InputValue fieldValue, String path) {
    if (fieldValue.type() == InputValue.Type.NULL) {
      return;
    }
    OneofDescriptor oneof = field.getRealContainingOneof();
    if (oneof != null) {
      FieldDescriptor other = oneofs.putIfAbsent(oneof, field);
      if (other != null) {
        fail(Kind.VALUE, path + "." + field.getName(), "at most one field of oneof "
            + oneof.getName(), "both " + other.getName() + " and " + field.getName());
        return;
      }
    }
    setField(builder, field, fieldValue, path + "." + field.getName());
  }

  private DynamicMessage copy(Descriptor type, Message given, String path) {
    try {
      return DynamicMessage.parseFrom(type, given.toByteString());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      fail(Kind.VALUE, path, "a " + type.getFullName() + " message", "one that cannot be read back");
      return null;
    }
  }

  private FieldDescriptor field(Descriptor type, String name, String path) {
    FieldDescriptor field = type.findFieldByName(name);
    if (field != null) {
      return field;
    }
    for (FieldDescriptor candidate : type.getFields()) {
      if (candidate.getJsonName().equals(name)) {
        return candidate;
      }
    }
    String names = type.getFields().stream().map(FieldDescriptor::getName)
        .collect(Collectors.joining(", "));
    String hint = Suggestions.closest(name,
            type.getFields().stream().map(FieldDescriptor::getName).toList())
        .map(best -> " (did you mean \"" + best + "\"?)").orElse("");
    errors.add(path + ": no field named \"" + name + "\"" + hint + "; "
        + (names.isEmpty() ? "the message has no fields" : "its fields are: " + names));
    if (firstKind == null) {
      firstKind = Kind.LOOKUP;
    }
    return null;
  }

  private void setField(DynamicMessage.Builder builder, FieldDescriptor field, InputValue value,
      String path) {
    if (field.isMapField()) {
      if (value.type() != InputValue.Type.MAP) {
        fail(Kind.TYPE, path, "a dict", given(value));
        return;
      }
      Descriptor entryType = field.getMessageType();
      FieldDescriptor keyField = entryType.findFieldByNumber(1);
      FieldDescriptor valueField = entryType.findFieldByNumber(2);
      value.forEachEntry((k, v) -> {
        String entryPath = path + "[" + k.preview() + "]";
        Object key = single(keyField, k, entryPath + " (key)");
        Object entryValue = v.type() == InputValue.Type.NULL && valueField.getJavaType()
            == FieldDescriptor.JavaType.MESSAGE
            ? DynamicMessage.getDefaultInstance(valueField.getMessageType())
            : single(valueField, v, entryPath);
        if (key != null && entryValue != null) {
          builder.addRepeatedField(field, DynamicMessage.newBuilder(entryType)
              .setField(keyField, key).setField(valueField, entryValue).build());
        }
      });
    } else if (field.isRepeated()) {
      if (value.type() != InputValue.Type.LIST) {
        fail(Kind.TYPE, path, "a list (or other iterable)", given(value));
        return;
      }
      int[] index = {0};
      value.forEachElement(element -> {
        Object converted = single(field, element, path + "[" + index[0]++ + "]");
        if (converted != null) {
          builder.addRepeatedField(field, converted);
        }
      });
    } else {
      Object converted = single(field, value, path);
      if (converted != null) {
        builder.setField(field, converted);
      }
    }
  }

  /** One value of a field's type, or null after recording why it cannot be converted. */
  Object single(FieldDescriptor field, InputValue value, String path) {
    InputValue.Type type = value.type();
    switch (field.getType()) {
      case STRING -> {
        if (type == InputValue.Type.STRING) {
          return value.asString();
        }
        return fail(Kind.TYPE, path, "a string", given(value));
      }
      case BYTES -> {
        if (type == InputValue.Type.BYTES) {
          return ByteString.copyFrom(value.asBytes());
        }
        return fail(Kind.TYPE, path, "bytes", given(value));
      }
      case BOOL -> {
        if (type == InputValue.Type.BOOLEAN) {
          return value.asBoolean();
        }
        return fail(Kind.TYPE, path, "a bool", given(value));
      }
      case INT32, SINT32, SFIXED32 -> {
        return integer(value, path, "int32", Integer.MIN_VALUE, Integer.MAX_VALUE, false);
      }
      case UINT32, FIXED32 -> {
        return integer(value, path, "uint32", 0, 0xFFFF_FFFFL, true);
      }
      case INT64, SINT64, SFIXED64 -> {
        return integer(value, path, "int64", Long.MIN_VALUE, Long.MAX_VALUE, false);
      }
      case UINT64, FIXED64 -> {
        return unsigned64(value, path);
      }
      case FLOAT, DOUBLE -> {
        if (type == InputValue.Type.FLOAT || type == InputValue.Type.INTEGER) {
          double d = type == InputValue.Type.INTEGER && !value.fitsInLong()
              ? value.asBigInteger().doubleValue()
              : value.asDouble();
          if (field.getType() == FieldDescriptor.Type.DOUBLE) {
            return d;
          }
          if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
            return fail(Kind.VALUE, path, "a number in float range", given(value));
          }
          return (float) d;
        }
        return fail(Kind.TYPE, path, "a number", given(value));
      }
      case ENUM -> {
        return enumValue(field.getEnumType(), value, path);
      }
      case MESSAGE, GROUP -> {
        return message(field.getMessageType(), value, path);
      }
      default -> throw new IllegalStateException("unhandled field type " + field.getType());
    }
  }

  private Object integer(InputValue value, String path, String kind, long min, long max,
      boolean unsignedInt) {
    String expected = "an integer (" + kind + ", " + min + " to " + max + ")";
    if (value.type() != InputValue.Type.INTEGER) {
      return fail(Kind.TYPE, path, expected, given(value));
    }
    if (!value.fitsInLong() || value.asLong() < min || value.asLong() > max) {
      return fail(Kind.VALUE, path, expected, given(value));
    }
    long v = value.asLong();
    // protobuf-java keeps uint32 in an int, int32 in an int and 64-bit kinds in a long.
    if (unsignedInt) {
      return (int) v;
    }
    return kind.equals("int32") ? (Object) (int) v : (Object) v;
  }

  private Object unsigned64(InputValue value, String path) {
    String expected = "an integer (uint64, 0 to " + UINT64_MAX + ")";
    if (value.type() != InputValue.Type.INTEGER) {
      return fail(Kind.TYPE, path, expected, given(value));
    }
    BigInteger v = value.fitsInLong() ? BigInteger.valueOf(value.asLong()) : value.asBigInteger();
    if (v.signum() < 0 || v.compareTo(UINT64_MAX) > 0) {
      return fail(Kind.VALUE, path, expected, given(value));
    }
    return v.longValue();
  }

  private Object enumValue(EnumDescriptor type, InputValue value, String path) {
    String names = type.getValues().stream().map(EnumValueDescriptor::getName)
        .collect(Collectors.joining(", "));
    String expected = "a " + type.getFullName() + " name (" + names + ") or number";
    if (value.type() == InputValue.Type.STRING) {
      EnumValueDescriptor named = type.findValueByName(value.asString());
      return named != null ? named : fail(Kind.VALUE, path, expected, given(value));
    }
    if (value.type() == InputValue.Type.INTEGER) {
      if (!value.fitsInLong() || value.asLong() != (int) value.asLong()) {
        return fail(Kind.VALUE, path, expected, given(value));
      }
      int number = (int) value.asLong();
      EnumValueDescriptor known = type.findValueByNumber(number);
      if (known != null) {
        return known;
      }
      // Open (proto3) enums carry unknown numbers through; closed ones reject them.
      return type.isClosed()
          ? fail(Kind.VALUE, path, expected, given(value))
          : type.findValueByNumberCreatingIfUnknown(number);
    }
    return fail(Kind.TYPE, path, expected, given(value));
  }

  Object fail(Kind kind, String path, String expected, String given) {
    errors.add(path + ": expected " + expected + ", got " + given);
    if (firstKind == null) {
      firstKind = kind;
    }
    return null;
  }

  static String given(InputValue value) {
    return switch (value.type()) {
      case MAP, LIST, OTHER, MESSAGE -> value.typeName();
      default -> value.typeName() + " " + value.preview();
    };
  }
}
