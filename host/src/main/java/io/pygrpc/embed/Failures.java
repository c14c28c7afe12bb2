package io.pygrpc.embed;

import io.pygrpc.embed.ScriptException.Reason;
import org.graalvm.polyglot.PolyglotException;

/** Turns what a failed script run throws into a {@link ScriptException} a host can act on. */
final class Failures {
  private Failures() {}

  static ScriptException of(PolyglotException e, String what, java.time.Duration limit,
      boolean timedOut) {
    if (timedOut || e.isInterrupted() || e.isCancelled()) {
      return new ScriptException(Reason.TIME_LIMIT, null, what + " ran past its time limit"
          + (limit == null ? "" : " of " + seconds(limit)) + " and was stopped");
    }
    if (e.isExit()) {
      return new ScriptException(Reason.EXIT, null, what + " called exit("
          + e.getExitStatus() + ")");
    }
    if (e.isResourceExhausted()) {
      return new ScriptException(Reason.DENIED, "MemoryError", what + " ran out of memory: "
          + e.getMessage());
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e.isHostException() || e.isInternalError()) {
      // What a sandbox refuses shows up as a host-side SecurityException, not a guest error.
      Throwable host = e.isHostException() ? e.asHostException() : null;
      if (host instanceof SecurityException || message.contains("SecurityException")
          || message.contains("not allowed") || message.contains("is not permitted")
          || message.contains("UnsupportedPosixFeature")) { // GraalPy's sockets, when denied
      return new ScriptException(Reason.DENIED, "PermissionError", what + " tried something "
            + "its sandbox does not allow: " + clean(message));
      }
      return new ScriptException(Reason.ERROR, null, what + " failed inside pygrpc: "
          + clean(message));
    }
    Object type = e.getGuestObject() == null || e.getGuestObject().getMetaObject() == null
        ? null : e.getGuestObject().getMetaObject().getMetaSimpleName();
    String guestType = type == null ? null : type.toString();
    boolean denied = "PermissionError".equals(guestType) || message.contains("not allowed");
    return new ScriptException(denied ? Reason.DENIED : Reason.ERROR, guestType,
        what + " failed: " + message);
  }

  private static String clean(String message) {
    // Only the first line: the rest is the host's stack.
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String seconds(java.time.Duration limit) {
    return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
  }
}
