package io.pygrpc.guest;

import java.util.function.Supplier;

/**
 * Ctrl-C as Python has it: {@code KeyboardInterrupt} raised in the script's main thread,
 * wherever it is, so its {@code finally} blocks and {@code with} exits run.
 *
 * <p>Two ways in, one raise. In Python code, GraalPy's own signal machinery raises it at the
 * next safepoint: {@link #deliver()} hands the signal to the handler the script's context
 * installed, which asks {@link #claim()} and raises. Parked in a host call (waiting for a
 * reply or the next message), the thread sees no safepoint until the wait ends, so it is also
 * woken, and the binding raises the interrupt itself on its way out ({@link #await}). Whichever
 * gets there first claims it; the other finds nothing pending and does not raise it again.
 */
final class ScriptInterrupt {
  private Thread main;
  private Thread waiting;
  private sun.misc.SignalHandler python;
  private boolean pending;
  private boolean woken;

  /** Thrown by {@link #await} in place of what the wait gave: the binding raises it. */
  static final class Raised extends RuntimeException {
    Raised() {
      super("KeyboardInterrupt", null, false, false);
    }
  }

  /** From now on Ctrl-C goes to {@code main}, the script's thread, through {@code python}. */
  synchronized void arm(Thread mainThread, sun.misc.SignalHandler handler) {
    main = mainThread;
    python = handler;
    pending = false;
  }

  /** The script is over: Ctrl-C is no longer its business. */
  synchronized void disarm() {
    main = null;
    python = null;
    pending = false;
  }

  /**
   * Raises {@code KeyboardInterrupt} in the script. False when it cannot: no Python script is
   * running, or the last Ctrl-C has still not been raised (the script is stuck where it cannot
   * be), and the caller then stops the script the hard way.
   */
  boolean deliver() {
    sun.misc.SignalHandler handler;
    synchronized (this) {
      if (python == null || pending) {
        return false;
      }
      pending = true;
      handler = python;
      if (waiting != null) {
        woken = true;
        waiting.interrupt();
      }
    }
    handler.handle(new sun.misc.Signal("INT"));
    return true;
  }

  /** Asked by the script's signal handler: whether to raise (once per Ctrl-C). */
  synchronized boolean claim() {
    boolean raise = pending;
    pending = false;
    return raise;
  }

  /**
   * Runs a host call's wait so that Ctrl-C ends it: the script's main thread is woken (the call
   * layer cancels what it waited for) and {@link Raised} thrown, even when the wait had just
   * ended otherwise. Other threads wait as they are.
   */
  <T> T await(Supplier<T> wait) {
    Thread self = Thread.currentThread();
    synchronized (this) {
      if (self != main) {
        return wait.get();
      }
      if (pending) {
        pending = false;
        throw new Raised();
      }
      waiting = self;
    }
    try {
      return wait.get();
    } finally {
      synchronized (this) {
        waiting = null;
        if (woken) {
          woken = false;
          Thread.interrupted(); // ours: not for the script's own waits to see
        }
        if (pending) { // in place of what the wait gave or threw (CANCELLED, once woken)
          pending = false;
          throw new Raised();
        }
      }
    }
  }
}
