package io.pygrpc.guest;

import io.pygrpc.PygrpcException;
import io.pygrpc.RpcException;
import java.util.Locale;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * The guest functions the host needs to make the script's own objects: its exceptions, its
 * stream iterators. The Python package hands them over once, when it is imported, as a dict.
 *
 * <p>Host failures become guest exceptions here, so scripts catch them with ordinary
 * {@code except} clauses and never see a Java stack trace: the host calls the guest factory to
 * make the exception object and throws that, which the guest receives as itself.
 */
final class GuestHelpers {
  private volatile Value makeError;
  private volatile Value makeStream;

  /** Called once by the guest package with its helper functions. */
  void install(Value helpers) {
    makeError = function(helpers, "make_error");
    makeStream = function(helpers, "make_stream");
  }

  private static Value function(Value helpers, String name) {
    Value f = helpers.hasHashEntries() ? helpers.getHashValue(name) : helpers.getMember(name);
    if (f == null || !f.canExecute()) {
      throw new IllegalArgumentException("the guest helpers lack a function \"" + name + "\"");
    }
    return f;
  }

  /** The guest's iterator over a stream of responses. */
  Object stream(StreamBinding stream) {
    return makeStream.execute(stream);
  }

  /** The guest's {@code AttributeError}, for misuse of a message view. */
  RuntimeException attributeError(String message) {
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
    if (failure instanceof PygrpcException e) {
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
