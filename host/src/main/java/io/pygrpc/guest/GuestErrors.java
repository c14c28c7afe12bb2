package io.pygrpc.guest;

import io.pygrpc.PygrpcException;
import io.pygrpc.RpcException;
import java.util.Locale;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Turns host failures into the script's own exceptions, so scripts catch them with ordinary
 * {@code except} clauses and never see a Java stack trace.
 *
 * <p>The Python package hands over one factory function when it is imported; the host calls it
 * to make the exception object and throws that, which the guest receives as itself.
 */
final class GuestErrors {
  private volatile Value factory;

  /** Called once by the guest package with {@code make_error(kind, message, code, details)}. */
  void install(Value factory) {
    if (factory == null || !factory.canExecute()) {
      throw new IllegalArgumentException("the error factory must be a function");
    }
    this.factory = factory;
  }

  /** The guest's {@code AttributeError}, for misuse of a message view. */
  RuntimeException attributeError(String message) {
    Value make = factory;
    if (make == null) {
      return new UnsupportedOperationException(message);
    }
    throw make.execute("attribute", message, null, null).throwException();
  }

  /** Throws the guest exception for a host failure; declared to return so callers can throw. */
  RuntimeException raise(RuntimeException failure) {
    if (failure instanceof PolyglotException) {
      throw failure; // already a guest exception (e.g. raised by a script callback)
    }
    Value make = factory;
    if (make == null) {
      throw failure;
    }
    Value error;
    if (failure instanceof PygrpcException e) {
      error = make.execute(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), null, null);
    } else if (failure instanceof RpcException e) {
      error = make.execute("rpc", e.getMessage(), e.code().name(), e.details());
    } else {
      // A bug in pygrpc, not in the script: say so plainly instead of dumping a Java trace.
      error = make.execute("internal", "internal error in pygrpc: " + failure, null, null);
    }
    throw error.throwException();
  }
}
