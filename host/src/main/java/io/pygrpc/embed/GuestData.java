package io.pygrpc.embed;

import io.pygrpc.convert.MessageView;
import io.pygrpc.convert.PolyglotInput;
import io.pygrpc.guest.GuestLanguage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * Plain data between the host and a script: Java maps, lists, strings, numbers, booleans,
 * byte arrays and null become the guest's own dicts/objects, lists/arrays and values (so a
 * hook sees {@code payload['id']} or {@code payload.id}), and what a hook returns comes back as
 * the same Java types ({@code Long} for whole numbers, {@code Double} otherwise,
 * {@code BigInteger} past 64 bits, {@code Instant} for dates, a protobuf {@code Message} for a
 * message pygrpc made).
 */
final class GuestData {
  private GuestData() {}

  static Value toGuest(Context context, GuestLanguage language, Object value) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Number || value instanceof Character) {
      return context.asValue(value instanceof Character c ? c.toString() : value);
    }
    boolean python = language == GuestLanguage.PYTHON;
    if (value instanceof byte[] bytes) {
      Value list = context.eval(language.id(), python ? "list()" : "[]");
      for (byte b : bytes) {
        append(list, python, context.asValue(b & 0xFF));
      }
      return context.eval(language.id(), python ? "bytes" : "Uint8Array.from").execute(list);
    }
    if (value instanceof Map<?, ?> map) {
      Value out = context.eval(language.id(), python ? "dict()" : "({})");
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Value item = toGuest(context, language, entry.getValue());
        if (python) {
          out.putHashEntry(toGuest(context, language, entry.getKey()), item);
        } else {
          out.putMember(String.valueOf(entry.getKey()), item);
        }
      }
      return out;
    }
    if (value instanceof Collection<?> || value instanceof Object[]) {
      Iterable<?> items = value instanceof Object[] array ? List.of(array) : (Collection<?>) value;
      Value list = context.eval(language.id(), python ? "list()" : "[]");
      for (Object item : items) {
        append(list, python, toGuest(context, language, item));
      }
      return list;
    }
    throw new IllegalArgumentException("cannot hand a " + value.getClass().getName()
        + " to a script: pass maps, lists, strings, numbers, booleans, byte arrays or null");
  }

  private static void append(Value list, boolean python, Value item) {
    if (python) {
      list.invokeMember("append", item);
    } else {
      list.setArrayElement(list.getArraySize(), item);
    }
  }

  static Object toJava(Value value) {
    if (value == null || value.isNull()) {
      return null;
    } else if (value.isBoolean()) {
      return value.asBoolean();
    } else if (value.isString()) {
      return value.asString();
    } else if (value.isNumber()) {
      if (value.fitsInLong()) {
        return value.asLong();
      }
      if (value.fitsInBigInteger() && !value.fitsInDouble()) {
        return value.asBigInteger();
      }
      return value.fitsInDouble() ? value.asDouble() : (Object) value.asBigInteger();
    } else if (value.isHostObject()) {
      Object host = value.asHostObject();
      return host instanceof MessageView view ? view.message() : host;
    } else if (value.isInstant()) {
      return value.asInstant();
    } else if (value.hasBufferElements()) {
      byte[] bytes = new byte[(int) value.getBufferSize()];
      value.readBuffer(0, bytes, 0, bytes.length);
      return bytes;
    } else if (value.hasHashEntries()) {
      Map<Object, Object> map = new LinkedHashMap<>();
      Value entries = value.getHashEntriesIterator();
      while (entries.hasIteratorNextElement()) {
        Value entry = entries.getIteratorNextElement();
        map.put(toJava(entry.getArrayElement(0)), toJava(entry.getArrayElement(1)));
      }
      return map;
    } else if (value.hasArrayElements()) {
      // A Uint8Array is bytes, read as the converter reads a request's bytes field.
      io.pygrpc.convert.InputValue input = PolyglotInput.javascript(value);
      if (input.type() == io.pygrpc.convert.InputValue.Type.BYTES) {
        return input.asBytes();
      }
      List<Object> list = new ArrayList<>();
      for (long i = 0; i < value.getArraySize(); i++) {
        list.add(toJava(value.getArrayElement(i)));
      }
      return list;
    } else if (value.hasMembers() && !value.canExecute() && !value.hasIterator()) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (String key : value.getMemberKeys()) {
        map.put(key, toJava(value.getMember(key)));
      }
      return map;
    } else if (value.hasIterator()) {
      List<Object> list = new ArrayList<>();
      Value iterator = value.getIterator();
      while (iterator.hasIteratorNextElement()) {
        list.add(toJava(iterator.getIteratorNextElement()));
      }
      return list;
    }
    return value.toString();
  }
}
