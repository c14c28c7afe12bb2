package io.pygrpc.guest;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.pygrpc.PygrpcException;
import io.pygrpc.RpcException;
import io.pygrpc.convert.GuestValues;
import io.pygrpc.convert.MessageView;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The guest functions the host needs to make the script's own objects: its exceptions, its
 * stream iterators. The Python package hands them over once, when it is imported, as a dict.
 *
 * <p>Host failures become guest exceptions here, so scripts catch them with ordinary
 * {@code except} clauses and never see a Java stack trace: the host calls the guest factory to
 * make the exception object and throws that, which the guest receives as itself.
 */
final class GuestHelpers implements GuestValues {
  private volatile Value makeError;
  private volatile Value makeStream;
  private volatile Value makeMessage;
  private volatile Value makeBytes;
  private volatile Value makeDatetime;
  private volatile Value makeTimedelta;
  private volatile Value makeList;
  private volatile Value makeDict;
  /** Python's message classes for views (see {@link ViewTypes}); absent in JavaScript. */
  private volatile ViewTypes viewTypes;
  /** JavaScript's BigInt maker; absent in Python, whose ints are exact. */
  private volatile Value makeBigint;
  /** The guest's batch read of a map's requests (see RequestIterator). */
  private volatile Value pull;
  private static final long SAFE_INTEGER = (1L << 53) - 1;
  /** The script's Ctrl-C, which the bindings' waits give way to. */
  final ScriptInterrupt keyboard = new ScriptInterrupt();

  /** Called once by the guest package with its helper functions. */
  void install(Value helpers) {
    makeError = function(helpers, "make_error");
    makeStream = function(helpers, "make_stream");
    Value viewClasses = member(helpers, "view_classes");
    viewTypes = viewClasses == null ? null
        : new ViewTypes(viewClasses, function(helpers, "view_type"), this);
    // Without view types, the guest makes an object of its own around each view.
    makeMessage = viewTypes != null ? null : function(helpers, "make_message");
    makeBytes = function(helpers, "make_bytes");
    makeDatetime = function(helpers, "make_datetime");
    makeTimedelta = function(helpers, "make_timedelta");
    makeList = function(helpers, "make_list");
    makeDict = function(helpers, "make_dict");
    makeBigint = member(helpers, "make_bigint");
    pull = function(helpers, "pull");
  }

  private static Value member(Value helpers, String name) {
    Value f = helpers.hasHashEntries() ? helpers.getHashValue(name) : helpers.getMember(name);
    return f != null && f.canExecute() ? f : null;
  }

  @Override
  public MessageView view(Message message) {
    ViewTypes types = viewTypes;
    return types != null ? types.view(message) : new MessageView(message, this);
  }

  @Override
  public Object integer(Object value) {
    Value make = makeBigint;
    if (make == null) {
      return value;
    }
    // A Number holds integers exactly up to 2^53; past that the script gets a BigInt.
    if (value instanceof Long small && Math.abs(small) <= SAFE_INTEGER) {
      return (double) small;
    }
    return make.execute(value.toString());
  }

  @Override
  public Object message(MessageView view) {
    Value make = makeMessage;
    return make == null ? view : make.execute(view);
  }

  @Override
  public Object bytes(ByteString bytes) {
    // As a Latin-1 string, one char per byte: the guest turns it into bytes in a native loop
    // (Python's str.encode), where a sequence of boxed numbers cost an interop call per byte
    // (300 KB: ~5 ms against ~400 ms).
    return makeBytes.execute(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Override
  public Object timestamp(long seconds, int nanos) {
    return makeDatetime.execute(seconds, nanos);
  }

  @Override
  public Object duration(long seconds, int nanos) {
    return makeTimedelta.execute(seconds, nanos);
  }

  @Override
  public Object list(List<Object> items) {
    return makeList.execute(ProxyArray.fromList(items));
  }

  @Override
  public Object map(List<Object> keys, List<Object> values) {
    return makeDict.execute(ProxyArray.fromList(keys), ProxyArray.fromList(values));
  }

  private static Value function(Value helpers, String name) {
    Value f = member(helpers, name);
    if (f == null) {
      throw new IllegalArgumentException("the guest helpers lack a function \"" + name + "\"");
    }
    return f;
  }

  /** {@code pull(iterator, count)}: up to count items and what reading them raised, or null. */
  Value pull() {
    return pull;
  }

  /** The guest's iterator over a stream of responses. */
  Object stream(StreamBinding stream) {
    return makeStream.execute(stream);
  }

  /** The guest's {@code AttributeError}, for misuse of a message view. */
  @Override
  public RuntimeException attributeError(String message) {
    Value make = makeError;
    if (make == null) {
      return new UnsupportedOperationException(message);
    }
    throw make.execute("attribute", message, null, null, null).throwException();
  }

  /** Throws the guest exception for a host failure; declared to return so callers can throw. */
  RuntimeException raise(RuntimeException failure) {
    if (failure instanceof PolyglotException) {
      throw failure; // already a guest exception (e.g. raised by a script's generator)
    }
    Value make = makeError;
    if (make == null) {
      throw failure;
    }
    Value error;
    if (failure instanceof ScriptInterrupt.Raised) {
      error = make.execute("interrupt", null, null, null, null);
    } else if (failure instanceof PygrpcException e) {
      error = make.execute(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), null, null,
          null);
    } else if (failure instanceof RpcException e) {
      error = make.execute("rpc", e.getMessage(), e.code().name(), e.details(),
          CallInfo.of(e, this));
    } else {
      // A bug in pygrpc, not in the script: say so plainly instead of dumping a Java trace.
      error = make.execute("internal", "internal error in pygrpc: " + failure, null, null, null);
    }
    throw error.throwException();
  }
}
