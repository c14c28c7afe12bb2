package io.pygrpc.bench;

import io.pygrpc.guest.GuestContext;
import io.pygrpc.guest.GuestLanguage;
import io.pygrpc.guest.PythonScripts;
import io.pygrpc.guest.ScriptAccess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

/**
 * pygrpc's side of a figure: a bench script's {@code main(port, n[, concurrency])}, which
 * returns its rate.
 *
 * <p>By default each script is loaded once, into a context of its own on the shared engine, and
 * every slice calls its {@code main}, as one long script would run its loop: the figures are a
 * script's loop throughput. With fresh contexts each slice runs the script as a run of its own
 * (as the warm daemon runs each script), and the compiler's work on every new context's set-up
 * (GraalPy's built-in modules, pygrpc's import, the schema) runs beside the timed loops of
 * that slice and the next ones.
 */
final class PythonContender implements AutoCloseable {
  private final Engine engine;
  private final boolean fresh;
  private final Map<Path, GuestContext> loaded = new HashMap<>();
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

  PythonContender(Engine engine, boolean fresh) {
    this.engine = engine;
    this.fresh = fresh;
  }

  /** The rate the script's {@code main(args)} measured. */
  double run(Path script, List<Integer> args) throws IOException {
    return fresh ? runFresh(script, args) : runLoaded(script, args);
  }

  private double runLoaded(Path script, List<Integer> args) throws IOException {
    GuestContext context = loaded.get(script);
    if (context == null) {
      context = GuestContext.open(engine, GuestLanguage.PYTHON, ScriptAccess.FULL, Map.of(),
          new ByteArrayInputStream(new byte[0]), errors, errors);
      loaded.put(script, context);
      context.load(Files.readString(script), script, Map.of());
    }
    try {
      return context.member("main").execute(args.toArray()).asDouble();
    } catch (PolyglotException e) {
      throw new IllegalStateException(script.getFileName() + " failed: " + e.getMessage()
          + "\n" + errors.toString(StandardCharsets.UTF_8), e);
    }
  }

  private double runFresh(Path script, List<Integer> args) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream failed = new ByteArrayOutputStream();
    int status = new PythonScripts(engine, new ByteArrayInputStream(new byte[0]), printed,
        failed).run(script, args.stream().map(String::valueOf).toList());
    if (status != 0) {
      throw new IllegalStateException(script.getFileName() + " failed: "
          + failed.toString(StandardCharsets.UTF_8));
    }
    return Double.parseDouble(printed.toString(StandardCharsets.UTF_8).trim());
  }

  @Override
  public void close() {
    loaded.values().forEach(GuestContext::close);
    loaded.clear();
  }
}
