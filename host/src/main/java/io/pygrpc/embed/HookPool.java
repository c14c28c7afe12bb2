package io.pygrpc.embed;

import static java.util.Objects.requireNonNull;

import io.pygrpc.embed.ScriptException.Reason;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Several sessions of one script, for hooks called from many threads: each call takes a free
 * session (waiting while all are busy), so calls run in parallel up to the pool's size and each
 * runs alone in its context. Script globals persist within a session between calls, not across
 * sessions: a hook must not rely on which session it gets. A session that had to be closed at a
 * time limit is replaced before the next call.
 *
 * @since 0.4.0
 */
public final class HookPool implements AutoCloseable {
  private final ScriptSession.Builder builder;
  private final BlockingQueue<ScriptSession> idle;
  private final List<ScriptSession> all = new ArrayList<>();
  private final Duration wait;
  private volatile boolean closed;

  private HookPool(ScriptSession.Builder builder, int size, Duration wait) {
    this.builder = builder;
    this.idle = new ArrayBlockingQueue<>(size);
    this.wait = wait;
    try {
      for (int i = 0; i < size; i++) {
        ScriptSession session = builder.build();
        synchronized (all) {
          all.add(session);
        }
        idle.add(session);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Calls a hook in a free session; see {@link ScriptSession#call}.
   *
   * @throws ScriptException as {@link ScriptSession#call} does, or {@code CLOSED} when no
   *     session frees up within the pool's wait
   */
  public Object call(String function, Object... args) {
    if (closed) {
      throw new ScriptException(Reason.CLOSED, null, "the hook pool is closed");
    }
    ScriptSession session;
    try {
      session = idle.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScriptException(Reason.CLOSED, null, "interrupted while waiting for a session");
    }
    if (session == null) {
      throw new ScriptException(Reason.CLOSED, null, "no session became free within " + wait);
    }
    try {
      return session.call(function, args);
    } finally {
      release(session);
    }
  }

  private void release(ScriptSession session) {
    ScriptSession next = session;
    if (!session.isUsable() && !closed) {
      session.close();
      next = builder.build(); // a fresh context for the one the time limit closed
      synchronized (all) {
        all.remove(session);
        all.add(next);
      }
    }
    if (!closed) {
      idle.add(next);
    } else {
      next.close();
    }
  }

  /** Closes every session. */
  @Override
  public void close() {
    closed = true;
    synchronized (all) {
      all.forEach(ScriptSession::close);
      all.clear();
    }
    idle.clear();
  }

  /** Builds a {@link HookPool}. */
  public static final class Builder {
    private final ScriptSession.Builder session;
    private int size = Math.max(1, Runtime.getRuntime().availableProcessors());
    private Duration wait = Duration.ofSeconds(30);

    Builder(ScriptSession.Builder session) {
      this.session = session;
    }

    /** How many sessions (contexts) run calls at once; the number of processors by default. */
    public Builder size(int sessions) {
      if (sessions < 1) {
        throw new IllegalArgumentException("size: at least 1, got " + sessions);
      }
      size = sessions;
      return this;
    }

    /** How long a call waits for a free session (30 s by default). */
    public Builder waitForSession(Duration limit) {
      wait = requireNonNull(limit, "wait");
      return this;
    }

    /** See {@link ScriptSession.Builder#sandbox}. */
    public Builder sandbox(Sandbox policy) {
      session.sandbox(policy);
      return this;
    }

    /** See {@link ScriptSession.Builder#channel}. */
    public Builder channel(String name, io.grpc.Channel channel) {
      session.channel(name, channel);
      return this;
    }

    /** See {@link ScriptSession.Builder#value}. */
    public Builder value(String name, Object value) {
      session.value(name, value);
      return this;
    }

    /** See {@link ScriptSession.Builder#stdout}. */
    public Builder stdout(OutputStream stream) {
      session.stdout(stream);
      return this;
    }

    /** See {@link ScriptSession.Builder#stderr}. */
    public Builder stderr(OutputStream stream) {
      session.stderr(stream);
      return this;
    }

    /**
     * Opens the sessions, each loading the script.
     *
     * @throws ScriptException when the script fails while loading
     */
    public HookPool build() {
      return new HookPool(session, size, wait);
    }
  }
}
