package io.pygrpc.fuzz;

import com.google.protobuf.Message;
import io.pygrpc.convert.InputValue;
import io.pygrpc.convert.JavaInput;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A Java value as conversion input that, like a Python dict, can also be asked for one entry by
 * key — so the converter reads its fields by name rather than by walking it. Children are keyed
 * too. Everything else is {@link JavaInput}'s.
 */
final class KeyedInput implements InputValue {
  private final Object value;
  private final InputValue plain;

  private KeyedInput(Object value) {
    this.value = value;
    this.plain = JavaInput.of(value);
  }

  static InputValue of(Object value) {
    return new KeyedInput(value);
  }

  @Override
  public long entryCount() {
    if (!(value instanceof Map<?, ?> map)
        || !map.keySet().stream().allMatch(k -> k instanceof String)) {
      return -1; // a dict with other keys still answers; the converter then walks it
    }
    return map.size();
  }

  @Override
  public InputValue entry(String key) {
    Map<?, ?> map = (Map<?, ?>) value;
    return map.containsKey(key) ? of(map.get(key)) : null;
  }

  @Override
  public void forEachEntry(BiConsumer<InputValue, InputValue> visitor) {
    ((Map<?, ?>) value).forEach((k, v) -> visitor.accept(of(k), of(v)));
  }

  @Override
  public void forEachElement(Consumer<InputValue> visitor) {
    Iterable<?> elements = value instanceof Object[] array ? java.util.List.of(array)
        : (Iterable<?>) value;
    for (Object element : elements) {
      visitor.accept(of(element));
    }
  }

  @Override
  public Type type() {
    return plain.type();
  }

  @Override
  public boolean asBoolean() {
    return plain.asBoolean();
  }

  @Override
  public boolean fitsInLong() {
    return plain.fitsInLong();
  }

  @Override
  public long asLong() {
    return plain.asLong();
  }

  @Override
  public BigInteger asBigInteger() {
    return plain.asBigInteger();
  }

  @Override
  public double asDouble() {
    return plain.asDouble();
  }

  @Override
  public String asString() {
    return plain.asString();
  }

  @Override
  public byte[] asBytes() {
    return plain.asBytes();
  }

  @Override
  public java.time.Instant asInstant() {
    return plain.asInstant();
  }

  @Override
  public java.time.Duration asDuration() {
    return plain.asDuration();
  }

  @Override
  public Message asMessage() {
    return plain.asMessage();
  }

  @Override
  public String typeName() {
    return plain.typeName();
  }

  @Override
  public String preview() {
    return plain.preview();
  }
}
