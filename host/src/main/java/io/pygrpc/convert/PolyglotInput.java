package io.pygrpc.convert;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import java.math.BigInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.graalvm.polyglot.Value;

/**
 * {@link InputValue} over a guest value, Python or JavaScript. The one adapter between polyglot
 * values and the conversion rules.
 *
 * <p>A Python {@code dict} is an interop hash and a JavaScript object has members; Python objects
 * have members too (their attributes), so which is a mapping depends on the language.
 *
 * @since 0.3.0
 */
public final class PolyglotInput implements InputValue {
  private final Value value;
  private final boolean membersAreFields;
  private Type type;
  /** Whether {@link #classify} found a mapping with hash entries (not members). */
  private boolean hashEntries;

  /** Whether a mapping is the likely kind (a request), tested for first. */
  private final boolean mappingFirst;

  private PolyglotInput(Value value, boolean membersAreFields, boolean mappingFirst) {
    this.value = value;
    this.membersAreFields = membersAreFields;
    this.mappingFirst = mappingFirst;
  }

  /** A value from a JavaScript script, where plain objects are mappings. */
  public static InputValue javascript(Value value) {
    return new PolyglotInput(requireNonNull(value, "value"), true, false);
  }

  /**
   * A Python script's message, most often a dict of its fields: the test for one comes first,
   * where a field's value takes three other tests to get there. (A JavaScript object is a
   * mapping by its members, tested for last: the tests before it tell it from the rest.)
   */
  public static InputValue pythonMessage(Value value) {
    return new PolyglotInput(requireNonNull(value, "value"), false, true);
  }

  @Override
  public Type type() {
    if (type == null) {
      type = classify();
    }
    return type;
  }

  private Type classify() {
    // Each test is a call into the guest: the kinds a request is mostly made of (strings, then
    // numbers, then the dict itself) come first. Booleans before numbers: Python's bool is an int.
    if (mappingFirst && value.hasHashEntries()) {
      hashEntries = true;
      return Type.MAP;
    } else if (value.isString()) {
      return Type.STRING;
    } else if (value.isBoolean()) {
      return Type.BOOLEAN;
    } else if (value.isNumber()) {
      if (!value.fitsInLong() && !value.fitsInBigInteger()) {
        return Type.FLOAT;
      }
      // A whole-number Python float still fits in a long; its type says it is not an integer.
      return !membersAreFields && "float".equals(typeName()) ? Type.FLOAT : Type.INTEGER;
    } else if (value.hasHashEntries()) {
      hashEntries = true;
      return Type.MAP;
    } else if (value.isNull()) {
      return Type.NULL;
    } else if (value.isHostObject() && value.asHostObject() instanceof MessageView) {
      return Type.MESSAGE;
    } else if (value.isDate() && value.isTime()) {
      return Type.INSTANT;
    } else if (value.isDuration()) {
      return Type.DURATION;
    } else if (value.hasBufferElements()) {
      return Type.BYTES;
    } else if (membersAreFields && value.hasArrayElements() && isByteArray()) {
      return Type.BYTES; // a Uint8Array (or Node-style Buffer): array elements, no buffer
    } else if (value.hasArrayElements() || value.hasIterator()) {
      return Type.LIST;
    } else if (membersAreFields && value.hasMembers() && !value.canExecute()) {
      return Type.MAP;
    } else if (!membersAreFields && "timedelta".equals(typeName())) {
      return Type.DURATION; // not an interop duration: read from its members
    }
    return Type.OTHER;
  }

  @Override
  public boolean asBoolean() {
    return value.asBoolean();
  }

  @Override
  public boolean fitsInLong() {
    return value.fitsInLong();
  }

  @Override
  public long asLong() {
    return value.asLong();
  }

  @Override
  public BigInteger asBigInteger() {
    return value.asBigInteger();
  }

  @Override
  public double asDouble() {
    return value.fitsInDouble() ? value.asDouble() : value.asBigInteger().doubleValue();
  }

  @Override
  public String asString() {
    return value.asString();
  }

  @Override
  public byte[] asBytes() {
    if (!value.hasBufferElements()) {
      byte[] bytes = new byte[(int) value.getArraySize()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) value.getArrayElement(i).asInt();
      }
      return bytes;
    }
    byte[] bytes = new byte[(int) value.getBufferSize()];
    value.readBuffer(0, bytes, 0, bytes.length);
    return bytes;
  }

  private boolean isByteArray() {
    Value meta = value.getMetaObject();
    if (meta == null) {
      return false;
    }
    String name = meta.getMetaSimpleName();
    return "Uint8Array".equals(name) || "Int8Array".equals(name)
        || "Uint8ClampedArray".equals(name) || "Buffer".equals(name);
  }

  @Override
  public java.time.Instant asInstant() {
    if (value.isTimeZone()) {
      return value.asInstant();
    }
    return java.time.LocalDateTime.of(value.asDate(), value.asTime())
        .toInstant(java.time.ZoneOffset.UTC);
  }

  @Override
  public java.time.Duration asDuration() {
    if (value.isDuration()) {
      return value.asDuration();
    }
    return java.time.Duration.ofDays(value.getMember("days").asLong())
        .plusSeconds(value.getMember("seconds").asLong())
        .plusNanos(value.getMember("microseconds").asLong() * 1000);
  }

  @Override
  public Message asMessage() {
    return ((MessageView) value.asHostObject()).message();
  }

  @Override
  public long entryCount() {
    return type() == Type.MAP && hashEntries ? value.getHashSize() : -1;
  }

  @Override
  public InputValue entry(String key) {
    Value found = value.getHashValue(key);
    return found == null ? null : wrap(found);
  }

  @Override
  public void forEachEntry(BiConsumer<InputValue, InputValue> visitor) {
    if (type() == Type.MAP && hashEntries) {
      // As many entries as the mapping's size: asking a Python iterator whether it has a next
      // element runs it one step ahead, and its end is an exception raised and caught.
      Value entries = value.getHashEntriesIterator();
      for (long left = value.getHashSize(); left > 0; left--) {
        Value entry = entries.getIteratorNextElement();
        visitor.accept(wrap(entry.getArrayElement(0)), wrap(entry.getArrayElement(1)));
      }
    } else {
      for (String key : value.getMemberKeys()) {
        visitor.accept(JavaInput.of(key), wrap(value.getMember(key)));
      }
    }
  }

  @Override
  public void forEachElement(Consumer<InputValue> visitor) {
    if (value.hasArrayElements()) {
      long size = value.getArraySize();
      for (long i = 0; i < size; i++) {
        visitor.accept(wrap(value.getArrayElement(i)));
      }
    } else {
      Value iterator = value.getIterator();
      while (iterator.hasIteratorNextElement()) {
        visitor.accept(wrap(iterator.getIteratorNextElement()));
      }
    }
  }

  @Override
  public String typeName() {
    Value meta = value.getMetaObject();
    String name = meta == null ? "value" : meta.getMetaSimpleName();
    // GraalPy reports unboxed primitives by their Java class; say what the script wrote.
    if (membersAreFields) {
      return switch (name) {
        case "TruffleString", "String", "Character" -> "string";
        case "Integer", "Long", "Double", "Float", "Byte", "Short" -> "number";
        case "Boolean" -> "boolean";
        default -> name;
      };
    }
    return switch (name) {
      case "Integer", "Long", "BigInteger", "Byte", "Short" -> "int";
      case "Double", "Float" -> "float";
      case "TruffleString", "String", "Character" -> "str";
      case "Boolean" -> "bool";
      default -> name;
    };
  }

  @Override
  public String preview() {
    String shown;
    if (value.isString()) {
      shown = "\"" + value.asString() + "\"";
    } else if (value.isBoolean() && !membersAreFields) {
      shown = value.asBoolean() ? "True" : "False";
    } else {
      shown = value.toString();
    }
    return shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
  }

  private InputValue wrap(Value element) {
    return new PolyglotInput(element, membersAreFields, false);
  }
}
