package io.pygrpc.guest;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs Python scripts the way {@code python script.py} would, with {@code pygrpc} importable.
 *
 * <p>The script gets {@code sys.argv}, its own folder first on {@code sys.path}, the given
 * standard streams, and {@code __name__ == '__main__'}. Its exit status is what
 * {@code sys.exit()} asked for; an uncaught exception prints a Python traceback of the script's
 * own frames and gives 1. Scripts run with the access {@code python} has (files, environment,
 * threads); the host's Java classes stay out of reach.
 *
 * @since 0.3.0
 */
public final class PythonScripts extends ScriptRunner<PythonScripts> {
  private static final Source RUNNER = Source.create("python",
      "import pygrpc._script\npygrpc._script.run");
  private static final Source CODE_RUNNER = Source.create("python",
      "import pygrpc._script\npygrpc._script.run_code");
  private static final Source REPL = Source.create("python",
      "import pygrpc._repl\npygrpc._repl");
  private static final Source ARM = Source.create("python",
      "import pygrpc._script\npygrpc._script.arm()");

  /**
   * @param engine the engine the script's context lives on; share one across runs
   */
  public PythonScripts(Engine engine, InputStream in, OutputStream out, OutputStream err) {
    this(engine, in, out, err, List.of());
  }

  /**
   * @param protoPath where {@code .proto} imports are searched when a script names no
   *     {@code proto_path} (the launcher's {@code -I}); empty for the script's defaults
   */
  public PythonScripts(Engine engine, InputStream in, OutputStream out, OutputStream err,
      List<Path> protoPath) {
    this(engine, in, out, err, protoPath, false);
  }

  /**
   * @param logCalls whether each call's method, status and duration go to {@code err}
   */
  public PythonScripts(Engine engine, InputStream in, OutputStream out, OutputStream err,
      List<Path> protoPath, boolean logCalls) {
    super(engine, in, out, err, protoPath, logCalls);
  }

  @Override
  PythonScripts self() {
    return this;
  }

  /**
   * Runs a script file to completion.
   *
   * @param script the {@code .py} file
   * @param args what the script sees as {@code sys.argv[1:]}
   * @return the exit status
   */
  public int run(Path script, List<String> args) {
    requireNonNull(script, "script");
    return execute(script.toString(), args, true,
        context -> context.eval(RUNNER).execute(env.resolve(script).toString()).asInt());
  }

  /**
   * Runs code as {@code python -c CODE} does ({@code filename} "&lt;string&gt;"), or a program
   * read from a pipe ("&lt;stdin&gt;"); {@code sys.argv[0]} is "-c" or "-".
   *
   * @return the exit status
   */
  public int runCode(String code, String filename, List<String> args) {
    requireNonNull(code, "code");
    return execute(filename.equals("<string>") ? "-c" : "-", args, true,
        context -> context.eval(CODE_RUNNER).execute(code, filename).asInt());
  }

  /**
   * The interactive prompt: lines from {@code prompt} run in one namespace with pygrpc
   * imported, until end of input or {@code exit()}.
   *
   * @return the exit status
   */
  public int interact(Prompt prompt, String version) {
    requireNonNull(prompt, "prompt");
    // The prompt's own Ctrl-C handling stays (JLine's): not armed for KeyboardInterrupt.
    return execute("", List.of(), false, context -> {
      Value repl = context.eval(REPL);
      prompt.print(repl.invokeMember("banner", version).asString() + "\n");
      prompt.complete(buffer -> {
        Value found = repl.invokeMember("complete", buffer);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (long i = 0; i < found.getArraySize(); i++) {
          names.add(found.getArrayElement(i).asString());
        }
        return names;
      });
      boolean more = false;
      while (true) {
        String line;
        try {
          line = prompt.readLine(more ? "... " : ">>> ");
        } catch (Prompt.Interrupted e) {
          repl.invokeMember("reset");
          prompt.print("KeyboardInterrupt\n");
          more = false;
          continue;
        }
        if (line == null) {
          return 0;
        }
        Value pushed = repl.invokeMember("push", line);
        if (!pushed.isBoolean()) {
          return pushed.asInt(); // exit(n)
        }
        more = pushed.asBoolean();
      }
    });
  }

  private int execute(String argv0, List<String> args, boolean keyboardInterrupt,
      java.util.function.Function<Context, Integer> body) {
    String[] argv = new String[args.size() + 1];
    argv[0] = argv0;
    for (int i = 0; i < args.size(); i++) {
      argv[i + 1] = args.get(i);
    }
    SpareContext prepared = spareThatFits();
    Context context = prepared == null ? null : take(prepared, argv);
    HostBridge bridge;
    if (context != null) {
      bridge = configure(prepared.bridge()); // the one its package was imported with
    } else {
      bridge = bridge(GuestLanguage.PYTHON);
      context = buildContext(argv);
      context.getPolyglotBindings().putMember(HostBridge.BINDING, bridge);
    }
    env.attach(context);
    sun.misc.SignalHandler before = null;
    try {
      if (keyboardInterrupt) {
        before = armKeyboardInterrupt(context, bridge.keyboard());
      }
      return body.apply(context);
    } catch (PolyglotException e) {
      if (e.isExit()) {
        return e.getExitStatus();
      }
      Integer interrupted = interrupted(e);
      if (interrupted != null) {
        return interrupted;
      }
      throw e;
    } catch (IllegalStateException e) {
      Integer interrupted = interrupted(e);
      if (interrupted != null) {
        return interrupted;
      }
      throw e;
    } finally {
      env.detach();
      bridge.keyboard().disarm();
      if (before != null && env.takesCtrlC()) {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), before);
      }
      bridge.close();
      // The script is over: stop what it left running (daemon threads, a request generator
      // blocked in a pump thread), as the interpreter does at exit.
      context.close(true);
    }
  }

  /**
   * Ctrl-C (this process's own, or a daemon client's) raises KeyboardInterrupt in the script:
   * its context installs a Python SIGINT handler, which GraalPy runs at the thread's next
   * safepoint. GraalPy hooks that handler into the JVM's signals, one per process: it is taken
   * back out at once and kept by {@code keyboard}, so each context's Ctrl-C reaches only it; the
   * process's SIGINT goes to this run when it is the process's own (not a daemon's).
   *
   * @return the process's SIGINT handler before, to put back when the run ends
   */
  private sun.misc.SignalHandler armKeyboardInterrupt(Context context,
      ScriptInterrupt keyboard) {
    sun.misc.Signal sigint = new sun.misc.Signal("INT");
    synchronized (ScriptInterrupt.class) {
      sun.misc.SignalHandler before;
      try {
        // Not SIG_IGN for the moment: the JVM then refuses handlers for SIGINT (as for nohup).
        before = sun.misc.Signal.handle(sigint, signal -> { });
      } catch (IllegalArgumentException e) {
        return null; // signals are not ours here (-Xrs): Ctrl-C stops the run as before
      }
      if (before == sun.misc.SignalHandler.SIG_IGN) {
        sun.misc.Signal.handle(sigint, before); // started with Ctrl-C ignored: it stays so
        return null;
      }
      try {
        context.eval(ARM);
      } catch (PolyglotException e) {
        sun.misc.Signal.handle(sigint, before);
        return null; // no handler: Ctrl-C stops the run as before
      }
      ScriptEnv where = env;
      sun.misc.SignalHandler python = sun.misc.Signal.handle(sigint, env.takesCtrlC()
          ? signal -> where.interrupt() : before);
      if (python == sun.misc.SignalHandler.SIG_IGN || python == sun.misc.SignalHandler.SIG_DFL) {
        return before;
      }
      keyboard.arm(Thread.currentThread(), python);
      env.keyboard(keyboard);
      return before;
    }
  }

  /**
   * Lets the next run take {@code prepared} instead of building its context, when it was made
   * for the run's folder and environment (it is closed otherwise).
   *
   * @return this
   */
  public PythonScripts spare(SpareContext prepared) {
    spare = prepared;
    return this;
  }

  private SpareContext spare;

  /** The spare given for this run, when it was made for the run's folder and environment. */
  private SpareContext spareThatFits() {
    SpareContext prepared = spare;
    spare = null;
    if (prepared != null && !prepared.fits(env)) {
      prepared.close();
      return null;
    }
    return prepared;
  }

  private Context take(SpareContext prepared, String[] argv) {
    try {
      return prepared.take(in, out, err, argv);
    } catch (RuntimeException e) {
      prepared.close(); // a spare that cannot serve: the run builds its own, as without one
      return null;
    }
  }

  /** A context for a run: in its folder and environment, without the bridge. */
  Context buildContext(String[] argv) {
    Context.Builder builder = contextBuilder(GuestLanguage.PYTHON)
        .arguments("python", argv)
        .allowIO(IOAccess.ALL)
        .option("python.PythonPath", PythonPackage.root().toString())
        .option("python.PosixModuleBackend", "java")
        // Keep compiled bytecode of the standard library and the package between runs.
        .option("python.DontWriteBytecodeFlag", "false")
        .option("python.PyCachePrefix", CacheDirs.base().resolve("pycache").toString())
        .option("python.WarnExperimentalFeatures", "false");
    env.configure(builder);
    return builder.build();
  }
}
