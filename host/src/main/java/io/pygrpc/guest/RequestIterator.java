package io.pygrpc.guest;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.call.RequestSource;
import io.pygrpc.convert.MessageConverter;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The requests of a streaming call, taken from the script's iterable (list, tuple, generator)
 * one at a time and converted to the method's request type.
 */
final class RequestIterator implements RequestSource {
  private final Value iterator;
  private final Descriptor type;
  private long index;

  private final java.util.function.Function<String, Descriptor> types;

  private final GuestLanguage language;

  /** Python's built-in {@code next}, or null for JavaScript (read through interop). */
  private final Value pythonNext;

  private static final Source NEXT = Source.create("python", "next");

  /** What {@code next(iterator, END)} gives when the iterator is done. */
  private static final Object END = new Object();

  /** The guest's {@code pull(iterator, count)}, which {@link #expect} reads a batch with. */
  private final Value pull;
  /** Requests {@link #expect} read ahead and {@link #next} has not taken yet. */
  private Value batch;
  private int batchNext;
  private int batchSize;
  /** What the iterator raised after the batch's requests: thrown once they are taken. */
  private Value batchFailure;
  /** A batch came back short with nothing raised: the iterator is done. */
  private boolean ended;

  private RequestIterator(Value iterator, Descriptor type,
      java.util.function.Function<String, Descriptor> types, GuestLanguage language,
      Value pull) {
    this.language = language;
    this.pull = pull;
    this.pythonNext = language == GuestLanguage.PYTHON
        ? Context.getCurrent().eval(NEXT) : null;
    this.iterator = iterator;
    this.type = type;
    this.types = types;
  }

  /**
   * @param pull the guest's {@code pull(iterator, count)}, which reads requests in batches when
   *     the caller says how many it will take ({@link #expect}: client.map; a stream's requests
   *     go one at a time, as its transport is ready for them)
   * @throws PygrpcException {@code TYPE} when the value cannot be iterated
   */
  static RequestIterator over(Value iterable, Descriptor type, String method, String shape,
      java.util.function.Function<String, Descriptor> types, GuestLanguage language,
      Value pull) {
    boolean oneObject = iterable.hasHashEntries() || (language == GuestLanguage.JAVASCRIPT
        && !iterable.hasArrayElements() && !iterable.hasIterator() && iterable.hasMembers());
    if (oneObject || iterable.isString()
        || !(iterable.hasIterator() || iterable.isIterator() || iterable.hasArrayElements())) {
      throw new PygrpcException(Kind.TYPE, (shape == null ? "map(\"" + method + "\"): pass "
          : "\"" + method + "\" is a " + shape + " method: pass ")
          + (language == GuestLanguage.JAVASCRIPT
              ? "an iterable of requests (an array or a generator of objects), not "
              : "an iterable of requests (a list or a generator of dicts or messages), not ")
          + (oneObject ? "one " + (language == GuestLanguage.JAVASCRIPT ? "object" : "dict")
              + " of fields" : "a " + describe(iterable)));
    }
    return new RequestIterator(iterable.isIterator() ? iterable : iterable.getIterator(), type,
        types, language, pull);
  }

  /**
   * Reads up to {@code count} requests in one call into the guest, for {@link #next} to take:
   * calling {@code next()} from the host cost ~2.7 us a request.
   */
  @Override
  public void expect(int count) {
    if (count < 2 || ended || batchNext < batchSize || batchFailure != null) {
      return;
    }
    Value pulled = pull.execute(iterator, count);
    batch = pulled.getArrayElement(0);
    batchNext = 0;
    batchSize = (int) batch.getArraySize();
    Value failure = pulled.getArrayElement(1);
    batchFailure = failure.isNull() ? null : failure;
    ended = batchFailure == null && batchSize < count;
  }

  @Override
  public DynamicMessage next() {
    Value item;
    if (batchNext < batchSize) {
      item = batch.getArrayElement(batchNext++);
      if (batchNext == batchSize) {
        batch = null; // the requests' dicts are not held past their turn
      }
    } else if (batchFailure != null) {
      Value failure = batchFailure;
      batchFailure = null;
      throw failure.throwException();
    } else if (ended) {
      return null;
    } else if (pythonNext != null) {
      // One call into Python per request, where the has-next probe and the fetch were two.
      item = pythonNext.execute(iterator, END);
      if (item.isHostObject() && item.asHostObject() == END) {
        return null;
      }
    } else {
      if (!iterator.hasIteratorNextElement()) {
        return null;
      }
      item = iterator.getIteratorNextElement();
    }
    long position = index++;
    try {
      return MessageConverter.toMessage(type, language.input(item), types);
    } catch (PygrpcException e) {
      throw new PygrpcException(e.kind(), "request " + position + ": " + e.getMessage(), e);
    }
  }

  private static String describe(Value value) {
    Value meta = value.getMetaObject();
    return meta == null ? "value" : meta.getMetaSimpleName();
  }
}
