package io.pygrpc.guest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs JavaScript scripts ({@code .js}, {@code .cjs}, or {@code .mjs} ES modules) the way
 * {@code node script.js} would for what GraalJS has: {@code process.argv}, {@code process.env},
 * {@code process.exit()}, {@code console}, and pygrpc as globals, {@code require('pygrpc')} and
 * {@code import ... from 'pygrpc'}. An uncaught error prints its message and the script's own
 * frames and gives 1.
 *
 * @since 0.4.0
 */
public final class JsScripts extends ScriptRunner<JsScripts> {
  /**
   * @param protoPath where {@code .proto} imports are searched when a script names no
   *     {@code protoPath} (the launcher's {@code -I}); empty for the script's defaults
   */
  public JsScripts(Engine engine, InputStream in, OutputStream out, OutputStream err,
      List<Path> protoPath) {
    this(engine, in, out, err, protoPath, false);
  }

  /**
   * @param logCalls whether each call's method, status and duration go to {@code err}
   */
  public JsScripts(Engine engine, InputStream in, OutputStream out, OutputStream err,
      List<Path> protoPath, boolean logCalls) {
    super(engine, in, out, err, protoPath, logCalls);
  }

  @Override
  JsScripts self() {
    return this;
  }

  /**
   * Runs a script file to completion.
   *
   * @return the exit status
   */
  public int run(Path script, List<String> args) {
    requireNonNull(script, "script");
    Path absolute = env.resolve(script);
    List<String> argv = new ArrayList<>();
    argv.add("pygrpc");
    argv.add(absolute.toString());
    argv.addAll(args);
    HostBridge bridge = bridge(GuestLanguage.JAVASCRIPT);
    bridge.scriptInfo(argv, List.of(absolute.getParent(), env.cwd()), env.environment());
    Context context = open(contextBuilder(GuestLanguage.JAVASCRIPT)
        .allowIO(IOAccess.newBuilder()
            .fileSystem(new ModuleFileSystem(FileSystem.newDefaultFileSystem()))
            .allowHostSocketAccess(true).build())
        .allowExperimentalOptions(true)
        .option("js.shell", "true")); // quit(), which process.exit() uses: an exit no catch stops
    try {
      context.getPolyglotBindings().putMember(HostBridge.BINDING, bridge);
      context.eval(JsPackage.prelude());
      context.eval(source(absolute));
      return 0;
    } catch (PolyglotException e) {
      if (e.isExit()) {
        return e.getExitStatus();
      }
      Integer interrupted = interrupted(e);
      if (interrupted != null) {
        return interrupted;
      }
      if (e.isGuestException() || e.isHostException()) {
        report(e, absolute);
        return 1;
      }
      throw e;
    } catch (IOException e) {
      report(err, "pygrpc: cannot read " + script + ": " + e.getMessage());
      return 1;
    } catch (IllegalStateException e) {
      Integer interrupted = interrupted(e);
      if (interrupted != null) {
        return interrupted;
      }
      throw e;
    } finally {
      env.detach();
      bridge.close();
      context.close(true);
    }
  }

  private static Source source(Path script) throws IOException {
    Source.Builder builder = Source.newBuilder("js", script.toFile());
    if (script.getFileName().toString().endsWith(".mjs")) {
      builder.mimeType("application/javascript+module");
    }
    return builder.build();
  }

  /** What Node prints for an uncaught error: its message, then the script's frames. */
  private void report(PolyglotException e, Path script) {
    StringBuilder text = new StringBuilder("Uncaught ").append(e.getMessage()).append('\n');
    for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
      if (!frame.isGuestFrame() || frame.getSourceLocation() == null
          || frame.getSourceLocation().getSource().getPath() == null) {
        continue; // pygrpc's own prelude and the host: not the script's business
      }
      var location = frame.getSourceLocation();
      String name = frame.getRootName() == null || frame.getRootName().isEmpty()
          || frame.getRootName().equals(":program") ? "<top>" : frame.getRootName();
      text.append("    at ").append(name).append(" (")
          .append(location.getSource().getPath()).append(':')
          .append(location.getStartLine()).append(':').append(location.getStartColumn())
          .append(")\n");
    }
    report(err, text.toString().stripTrailing());
  }

  private static void report(OutputStream err, String text) {
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    stream.println(text);
    stream.flush();
  }
}
