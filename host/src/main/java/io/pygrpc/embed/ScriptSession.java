package io.pygrpc.embed;

import static java.util.Objects.requireNonNull;

import io.pygrpc.embed.ScriptException.Reason;
import io.pygrpc.guest.GuestContext;
import io.pygrpc.guest.GuestLanguage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * One loaded script in its own context: call its functions as hooks with plain Java data.
 * Calls on one session run one at a time (it is safe to share, but serializes); use a
 * {@link HookPool} for parallel calls. Nothing leaks between sessions: each has its own
 * globals, clients and channels, and sees only the channels and values its builder gave it.
 *
 * @since 0.4.0
 */
public final class ScriptSession implements AutoCloseable {
  private final GuestContext guest;
  private final Duration limit;
  private final PygrpcRuntime runtime;
  private final String name;
  private volatile boolean broken;
  private volatile boolean closed;

  private ScriptSession(PygrpcRuntime runtime, GuestContext guest, Duration limit, String name) {
    this.runtime = runtime;
    this.guest = guest;
    this.limit = limit;
    this.name = name;
  }

  /**
   * Calls a function the script defined, with Java values as arguments (maps, lists, strings,
   * numbers, booleans, byte arrays, null), and returns its result as Java values.
   *
   * @throws ScriptException when the function raises, runs past the time limit, tries what
   *     the sandbox refuses, or does not exist
   */
  public synchronized Object call(String function, Object... args) {
    requireNonNull(function, "function");
    usable();
    String what = name + ": " + function + "()";
    return limited(what, limit, () -> {
      Value hook = guest.member(function);
      if (hook == null || !hook.canExecute()) {
        throw new ScriptException(Reason.ERROR, null, name + " defines no function \""
            + function + "\"");
      }
      Object[] guestArgs = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        guestArgs[i] = GuestData.toGuest(guest.context(), guest.language(), args[i]);
      }
      return GuestData.toJava(hook.execute(guestArgs));
    });
  }

  /** Whether the script defines a function of that name. */
  public synchronized boolean hasFunction(String function) {
    usable();
    Value hook = guest.member(function);
    return hook != null && hook.canExecute();
  }

  /** False once closed, or once a script that ignored its time limit had to be closed. */
  public boolean isUsable() {
    return !closed && !broken;
  }

  private <T> T limited(String what, Duration limit, Supplier<T> body) {
    Object lock = new Object();
    boolean[] state = new boolean[2]; // [0]: body finished, [1]: the watchdog fired
    ScheduledFuture<?> watchdog = limit == null ? null : runtime.watchdog().schedule(() -> {
      synchronized (lock) {
        if (state[0]) {
          return;
        }
        state[1] = true;
        try {
          guest.context().interrupt(Duration.ofSeconds(2));
        } catch (TimeoutException e) {
          // Stuck where an interrupt cannot reach: close the context, and the session with it.
          broken = true;
          guest.context().close(true);
        } catch (RuntimeException e) {
          broken = true;
        }
      }
    }, limit.toNanos(), TimeUnit.NANOSECONDS);
    try {
      return body.get();
    } catch (PolyglotException e) {
      boolean fired;
      synchronized (lock) {
        fired = state[1];
      }
      if (e.isCancelled()) {
        broken = true;
      }
      throw Failures.of(e, what, limit, fired);
    } catch (IllegalStateException e) {
      // The context was closed under the call (the watchdog's last resort).
      broken = true;
      throw new ScriptException(Reason.TIME_LIMIT, null, what + " ran past its time limit and "
          + "its session was closed");
    } catch (IllegalArgumentException e) {
      throw new ScriptException(Reason.ERROR, null, what + ": " + e.getMessage());
    } finally {
      synchronized (lock) {
        state[0] = true;
      }
      if (watchdog != null) {
        watchdog.cancel(false);
      }
    }
  }

  private void usable() {
    if (closed) {
      throw new ScriptException(Reason.CLOSED, null, name + ": the session is closed");
    }
    if (broken) {
      throw new ScriptException(Reason.CLOSED, null, name + ": the session was closed when a "
          + "call overran its time limit; open a new one");
    }
  }

  /** Closes the script's clients and its context. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        guest.close();
      } catch (IllegalStateException | PolyglotException e) {
        // already closed by the watchdog
      }
    }
  }

  /** Builds a {@link ScriptSession}: the script, its sandbox, channels and values. */
  public static final class Builder {
    private final PygrpcRuntime runtime;
    private final GuestLanguage language;
    private Sandbox sandbox = Sandbox.strict();
    private final Map<String, io.grpc.Channel> channels = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private OutputStream out = OutputStream.nullOutputStream();
    private OutputStream err = OutputStream.nullOutputStream();
    private String source;
    private Path path;

    Builder(PygrpcRuntime runtime, GuestLanguage language) {
      this.runtime = runtime;
      this.language = language;
    }

    /** What the script may do; {@link Sandbox#strict()} unless given. */
    public Builder sandbox(Sandbox policy) {
      sandbox = requireNonNull(policy, "sandbox");
      return this;
    }

    /**
     * A channel the script reaches as {@code Client(channel='name')} (Python) or
     * {@code new Client({channel: 'name'})} (JS): the application picks its target, TLS,
     * credentials and interceptors; the script never sees them. The application closes it.
     */
    public Builder channel(String name, io.grpc.Channel channel) {
      channels.put(requireNonNull(name, "name"), requireNonNull(channel, "channel"));
      return this;
    }

    /** A global the script sees by name: plain data as for {@link ScriptSession#call}. */
    public Builder value(String name, Object value) {
      values.put(requireNonNull(name, "name"), value);
      return this;
    }

    /** Where the script's print/console output goes (discarded by default). */
    public Builder stdout(OutputStream stream) {
      out = requireNonNull(stream, "stdout");
      return this;
    }

    /** Where the script's errors and warnings go (discarded by default). */
    public Builder stderr(OutputStream stream) {
      err = requireNonNull(stream, "stderr");
      return this;
    }

    /** The script file; the application reads it, so it need not be in the sandbox. */
    public Builder script(Path file) {
      try {
        source = Files.readString(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the script " + file + ": " + e.getMessage(),
            e);
      }
      path = file;
      return this;
    }

    /** The script as text, with a name for its errors ({@code "hooks.py"}). */
    public Builder source(String name, String code) {
      source = requireNonNull(code, "code");
      path = Path.of(requireNonNull(name, "name"));
      return this;
    }

    /**
     * Opens the context and runs the script once (under the time limit), which defines its
     * functions.
     *
     * @throws ScriptException when the script fails while loading
     */
    public ScriptSession build() {
      if (source == null) {
        throw new IllegalStateException("no script: call script(path) or source(name, code)");
      }
      GuestContext guest = GuestContext.open(runtime.engine(), language, sandbox.access(),
          channels, new ByteArrayInputStream(new byte[0]), out, err);
      ScriptSession session = new ScriptSession(runtime, guest, sandbox.timeLimit(),
          path.getFileName().toString());
      try {
        // Loading includes the context's start (seconds on a cold engine) and the script's
        // imports, so it has its own, longer limit.
        session.limited(session.name, sandbox.loadTimeLimit(), () -> {
          Map<String, Value> globals = new LinkedHashMap<>();
          values.forEach((k, v) -> globals.put(k, GuestData.toGuest(guest.context(), language,
              v)));
          guest.load(source, path, globals);
          return null;
        });
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
      return session;
    }
  }
}
