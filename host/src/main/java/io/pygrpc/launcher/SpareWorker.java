package io.pygrpc.launcher;

import io.pygrpc.guest.Engines;
import io.pygrpc.guest.ScriptEnv;
import io.pygrpc.guest.SpareContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A warm daemon's thread with a Python context made ahead for the next run, which then runs on
 * this same thread: GraalPy raises a signal's exception (Ctrl-C's KeyboardInterrupt) in the
 * thread that initialised the context, and waits for that thread to come by; a context made
 * on one thread and run on another never saw its Ctrl-C while the script ran Python code.
 */
final class SpareWorker implements AutoCloseable {
  private static final Runnable CLOSE = () -> { };
  private final BlockingQueue<Runnable> jobs = new ArrayBlockingQueue<>(1);
  private volatile SpareContext context;
  private volatile boolean closed;

  private SpareWorker() {
  }

  /**
   * Starts a worker that makes a context for runs in {@code cwd} and {@code environment}, then
   * hands itself to {@code ready} and waits for its one run (or {@link #close()}).
   */
  static void start(Path cwd, Map<String, String> environment, Consumer<SpareWorker> ready) {
    SpareWorker worker = new SpareWorker();
    Thread thread = new Thread(() -> {
      try {
        worker.context = SpareContext.prepare(Engines.shared(), ScriptEnv.of(cwd, environment));
      } catch (RuntimeException e) {
        return; // runs build their own, as without one
      }
      ready.accept(worker);
      worker.serve();
    }, "pygrpc-daemon-run");
    thread.setDaemon(true);
    thread.start();
  }

  private void serve() {
    Runnable job;
    try {
      job = jobs.take();
    } catch (InterruptedException e) {
      job = CLOSE;
    }
    if (job == CLOSE) {
      context.close();
    } else {
      job.run();
    }
  }

  /**
   * Runs {@code run} on this worker's thread with its context (which {@code run} owns from then
   * on), and waits for its status.
   */
  int run(Function<SpareContext, Integer> run) throws InterruptedException {
    CompletableFuture<Integer> status = new CompletableFuture<>();
    if (closed || !jobs.offer(() -> {
      try {
        status.complete(run.apply(context));
      } catch (Throwable e) {
        status.completeExceptionally(e);
      }
    })) {
      return run.apply(null); // closed already: runs here, without the context
    }
    try {
      return status.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Gives up the context unused; the thread ends. */
  @Override
  public void close() {
    closed = true;
    jobs.offer(CLOSE);
  }
}
