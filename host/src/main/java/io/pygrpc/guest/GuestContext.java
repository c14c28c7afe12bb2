package io.pygrpc.guest;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One Python or JavaScript context with pygrpc importable, the access a {@link ScriptAccess}
 * grants, and the channels a host application made for it: what an application embedding
 * pygrpc runs hook scripts in. Load a script once, then call its functions.
 *
 * <p>Not thread-safe: a context runs one call at a time (callers serialize, or keep one context
 * per thread).
 *
 * @since 0.4.0
 */
public final class GuestContext implements AutoCloseable {
  private static final Source PYTHON_LOADER = Source.create("python",
      "import pygrpc._script\npygrpc._script.load");

  private final GuestLanguage language;
  private final Context context;
  private final HostBridge bridge;
  private Value namespace;

  private GuestContext(GuestLanguage language, Context context, HostBridge bridge) {
    this.language = language;
    this.context = context;
    this.bridge = bridge;
  }

  /**
   * Opens a context.
   *
   * @param channels channels scripts reach as {@code Client(channel='name')}
   */
  public static GuestContext open(Engine engine, GuestLanguage language, ScriptAccess access,
      Map<String, io.grpc.Channel> channels, InputStream in, OutputStream out,
      OutputStream err) {
    requireNonNull(engine, "engine");
    requireNonNull(access, "access");
    HostBridge bridge = new HostBridge(List.of(), err, language, access.policy(channels));
    Context.Builder builder = Context.newBuilder(language.id())
        .engine(engine)
        .in(in)
        .out(out)
        .err(err)
        .allowHostAccess(GuestAccess.POLICY)
        .allowHostClassLookup(name -> false)
        .allowPolyglotAccess(PolyglotAccess.newBuilder().allowBindingsAccess(language.id())
            .build())
        .allowNativeAccess(false)
        .allowCreateProcess(!access.sandboxed())
        .allowCreateThread(access.threads())
        .allowIO(io(access, language))
        .allowEnvironmentAccess(access.sandboxed() ? EnvironmentAccess.NONE
            : EnvironmentAccess.INHERIT)
        .environment(access.environment());
    if (access.sandboxed()) {
      // Relative paths (and os.getcwd()) resolve in the first folder the script may read,
      // not in the host's working folder, which the sandbox hides.
      builder.currentWorkingDirectory(readable(access, language).get(0));
    }
    if (language == GuestLanguage.PYTHON) {
      builder.option("python.PythonPath", PythonPackage.root().toString())
          .option("python.PosixModuleBackend", "java")
          // A sandbox writes nothing, bytecode included; it still reads what the launcher wrote.
          .option("python.DontWriteBytecodeFlag", Boolean.toString(access.sandboxed()))
          .option("python.PyCachePrefix", CacheDirs.base().resolve("pycache").toString())
          .option("python.WarnExperimentalFeatures", "false");
    } else {
      builder.allowExperimentalOptions(true)
          .option("js.esm-eval-returns-exports", "true");
    }
    Context context = builder.build();
    try {
      context.getPolyglotBindings().putMember(HostBridge.BINDING, bridge);
      if (language == GuestLanguage.JAVASCRIPT) {
        bridge.scriptInfo(List.of("pygrpc"), access.readRoots(), access.environment());
        context.eval(JsPackage.prelude());
      }
    } catch (RuntimeException e) {
      context.close(true);
      throw e;
    }
    return new GuestContext(language, context, bridge);
  }

  private static IOAccess io(ScriptAccess access, GuestLanguage language) {
    if (!access.sandboxed()) {
      return IOAccess.newBuilder()
          .fileSystem(new ModuleFileSystem(FileSystem.newDefaultFileSystem()))
          .allowHostSocketAccess(true).build();
    }
    List<Path> readable = readable(access, language);
    FileSystem readOnly = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    FileSystem limited = FileSystem.newCompositeFileSystem(FileSystem.newDenyIOFileSystem(),
        FileSystem.Selector.of(readOnly, path -> {
          Path absolute = path.toAbsolutePath().normalize();
          return readable.stream().anyMatch(absolute::startsWith);
        }));
    FileSystem withRuntime = FileSystem.allowInternalResourceAccess(
        FileSystem.allowLanguageHomeAccess(limited));
    return IOAccess.newBuilder().fileSystem(new ModuleFileSystem(withRuntime))
        .allowHostSocketAccess(false).build();
  }

  /** The script's read roots, then pygrpc's own files: its Python package and bytecode, or
   *  its JS module facade. */
  private static List<Path> readable(ScriptAccess access, GuestLanguage language) {
    List<Path> readable = new ArrayList<>(access.readRoots());
    if (language == GuestLanguage.PYTHON) {
      readable.add(PythonPackage.root().toAbsolutePath().normalize());
      readable.add(CacheDirs.base().resolve("pycache").toAbsolutePath().normalize());
    } else {
      readable.add(JsPackage.facade().getParent().toAbsolutePath().normalize());
    }
    return readable;
  }

  /** The language of the context. */
  public GuestLanguage language() {
    return language;
  }

  /** The polyglot context, for what this class does not wrap (interrupts, bindings). */
  public Context context() {
    return context;
  }

  /**
   * Runs a script's source once (read by the host, so the file itself need not be readable to
   * the script), with {@code values} as its globals; its top-level functions are then found
   * by {@link #member(String)}. An {@code .mjs} path makes a JavaScript source an ES module,
   * whose exports are the members.
   */
  public void load(String source, Path path, Map<String, Value> values) {
    requireNonNull(source, "source");
    Path absolute = path.toAbsolutePath().normalize();
    if (language == GuestLanguage.PYTHON) {
      Value names = context.eval("python", "dict()");
      values.forEach(names::putHashEntry);
      namespace = context.eval(PYTHON_LOADER).execute(source, absolute.toString(), names);
      return;
    }
    values.forEach(context.getBindings("js")::putMember);
    Source.Builder js = Source.newBuilder("js", source, absolute.toString());
    if (absolute.toString().endsWith(".mjs")) {
      js.mimeType("application/javascript+module");
    }
    Value result = context.eval(js.buildLiteral());
    namespace = absolute.toString().endsWith(".mjs") ? result : null;
  }

  /** A top-level name the loaded script defined (a hook function), or null. */
  public Value member(String name) {
    if (language == GuestLanguage.PYTHON) {
      return namespace == null || !namespace.hasHashEntry(name) ? null
          : namespace.getHashValue(name);
    }
    if (namespace != null && namespace.hasMember(name)) {
      return namespace.getMember(name);
    }
    Value global = context.getBindings("js").getMember(name);
    return global == null || global.isNull() ? null : global;
  }

  /** Closes the script's clients and the context, stopping whatever it still runs. */
  @Override
  public void close() {
    try {
      bridge.close();
    } finally {
      context.close(true);
    }
  }
}
