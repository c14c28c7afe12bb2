package io.pygrpc.convert;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import io.pygrpc.internal.Suggestions;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyHashMap;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A reply message as scripts see it: fields read as attributes ({@code reply.message}), lazily,
 * so a large reply costs only the fields a script touches.
 *
 * <p>Values come out as the script's natural types: strings, integers (unsigned 64-bit values
 * above {@code Long.MAX_VALUE} as big integers), floats, booleans, enum value names, nested
 * messages as views, repeated fields as read-only sequences, maps as read-only mappings.
 *
 * @since 0.3.0
 */
public final class MessageView implements ProxyObject {
  private final Message message;
  private final Misuse misuse;

  /**
   * @param misuse makes the exception a script gets for reading a field that does not exist or
   *     writing one; the guest layer makes it the language's own ({@code AttributeError})
   */
  public MessageView(Message message, Misuse misuse) {
    this.message = requireNonNull(message, "message");
    this.misuse = requireNonNull(misuse, "misuse");
  }

  /** Makes the guest exception for a misuse of a message view. */
  @FunctionalInterface
  public interface Misuse {
    RuntimeException attributeError(String message);
  }

  /** The message behind the view. */
  public Message message() {
    return message;
  }

  @Override
  public Object getMember(String key) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(key);
    if (field == null) {
      throw misuse.attributeError(noField(key));
    }
    if (field.isMapField()) {
      return new MapView(field, message);
    }
    if (field.isRepeated()) {
      return new ListView(field, message);
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !message.hasField(field)) {
      // Like protobuf Python: an unset message field reads as its empty default.
      return new MessageView(message.getDefaultInstanceForType().newBuilderForType()
          .getFieldBuilder(field).build(), misuse);
    }
    return guestValue(field, message.getField(field));
  }

  @Override
  public Object getMemberKeys() {
    return ProxyArray.fromList(List.copyOf(message.getDescriptorForType().getFields().stream()
        .map(FieldDescriptor::getName).map(Object.class::cast).toList()));
  }

  @Override
  public boolean hasMember(String key) {
    // Unknown names are "present" so that reading one reaches getMember and its clear error.
    return true;
  }

  @Override
  public void putMember(String key, Value value) {
    throw misuse.attributeError(message.getDescriptorForType().getFullName()
        + " messages returned by a call are read-only; cannot set \"" + key + "\"");
  }

  private String noField(String key) {
    List<String> names = message.getDescriptorForType().getFields().stream()
        .map(FieldDescriptor::getName).toList();
    return message.getDescriptorForType().getFullName() + " has no field named \"" + key + "\""
        + Suggestions.closest(key, names).map(n -> " (did you mean \"" + n + "\"?)").orElse("")
        + "; its fields are: " + String.join(", ", names);
  }

  @Override
  public String toString() {
    return message.getDescriptorForType().getFullName() + "("
        + TextFormat.printer().emittingSingleLine(true).printToString(message).trim() + ")";
  }

  /** A single field value as the script should see it. */
  Object guestValue(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case INT -> field.getType() == FieldDescriptor.Type.UINT32
          || field.getType() == FieldDescriptor.Type.FIXED32
          ? (Object) Integer.toUnsignedLong((Integer) value) : value;
      case LONG -> (field.getType() == FieldDescriptor.Type.UINT64
          || field.getType() == FieldDescriptor.Type.FIXED64) && (Long) value < 0
          ? new BigInteger(Long.toUnsignedString((Long) value)) : value;
      case ENUM -> {
        EnumValueDescriptor e = (EnumValueDescriptor) value;
        yield e.getIndex() >= 0 ? e.getName() : (Object) e.getNumber();
      }
      case BYTE_STRING -> new BytesView((ByteString) value);
      case MESSAGE -> new MessageView((Message) value, misuse);
      default -> value;
    };
  }

  /** A repeated field as a read-only sequence. */
  private final class ListView implements ProxyArray {
    private final FieldDescriptor field;
    private final Message message;

    ListView(FieldDescriptor field, Message message) {
      this.field = field;
      this.message = message;
    }

    @Override
    public Object get(long index) {
      if (index < 0 || index >= getSize()) {
        throw new ArrayIndexOutOfBoundsException((int) index);
      }
      return guestValue(field, message.getRepeatedField(field, (int) index));
    }

    @Override
    public void set(long index, Value value) {
      throw new UnsupportedOperationException("messages returned by a call are read-only");
    }

    @Override
    public long getSize() {
      return message.getRepeatedFieldCount(field);
    }
  }

  /** A map field as a read-only mapping. */
  private final class MapView implements ProxyHashMap {
    private final FieldDescriptor keyField;
    private final FieldDescriptor valueField;
    private final Map<Object, Object> entries = new java.util.LinkedHashMap<>();

    MapView(FieldDescriptor field, Message message) {
      keyField = field.getMessageType().findFieldByNumber(1);
      valueField = field.getMessageType().findFieldByNumber(2);
      for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
        Message entry = (Message) message.getRepeatedField(field, i);
        entries.put(guestValue(keyField, entry.getField(keyField)),
            guestValue(valueField, entry.getField(valueField)));
      }
    }

    @Override
    public long getHashSize() {
      return entries.size();
    }

    @Override
    public boolean hasHashEntry(Value key) {
      return entries.containsKey(hostKey(key));
    }

    @Override
    public Object getHashValue(Value key) {
      return entries.get(hostKey(key));
    }

    @Override
    public void putHashEntry(Value key, Value value) {
      throw new UnsupportedOperationException("messages returned by a call are read-only");
    }

    @Override
    public Object getHashEntriesIterator() {
      return org.graalvm.polyglot.proxy.ProxyIterator.from(entries.entrySet().stream()
          .map(e -> (Object) ProxyArray.fromArray(e.getKey(), e.getValue())).iterator());
    }

    private Object hostKey(Value key) {
      if (key.isString()) {
        return key.asString();
      }
      if (key.isBoolean()) {
        return key.asBoolean();
      }
      if (key.fitsInLong()) {
        long v = key.asLong();
        // Keys are stored as guestValue made them: Integer for 32-bit kinds, Long otherwise.
        return keyField.getJavaType() == FieldDescriptor.JavaType.INT
            && keyField.getType() != FieldDescriptor.Type.UINT32
            && keyField.getType() != FieldDescriptor.Type.FIXED32 ? (Object) (int) v : (Object) v;
      }
      return key.as(Object.class);
    }
  }

  /** A bytes field as a read-only sequence of byte values (0-255). */
  private record BytesView(ByteString bytes) implements ProxyArray {
    @Override
    public Object get(long index) {
      return bytes.byteAt((int) index) & 0xFF;
    }

    @Override
    public void set(long index, Value value) {
      throw new UnsupportedOperationException("messages returned by a call are read-only");
    }

    @Override
    public long getSize() {
      return bytes.size();
    }
  }
}
