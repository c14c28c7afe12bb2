package io.pygrpc.descriptor.compiler;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compiles {@code .proto} files to descriptors on the JVM, with no {@code protoc} installed:
 * the descriptors are those {@code protoc --descriptor_set_out} would write (checked against
 * protoc in the tests), so a schema behaves the same whether it came from source or from
 * protoc's output.
 *
 * <p>Files are named relative to an import path, as protoc names them; imports are searched on
 * the import paths in order; the well-known types ({@code google/protobuf/*.proto}) come built
 * in.
 *
 * @since 0.3.0
 */
public final class ProtoCompiler {
  private final List<Path> importPaths;
  private final Function<String, FileDescriptor> known;
  private final Map<String, FileDescriptor> compiled = new HashMap<>();
  private final LinkedHashSet<String> inProgress = new LinkedHashSet<>();

  /**
   * @param importPaths folders imports are searched in, in order
   * @param known files already available by name (loaded ones, well-known types), or null
   */
  public ProtoCompiler(List<Path> importPaths, Function<String, FileDescriptor> known) {
    this.importPaths = new ArrayList<>(requireNonNull(importPaths, "importPaths").stream()
        .map(p -> p.toAbsolutePath().normalize()).toList());
    this.known = requireNonNull(known, "known");
  }

  /**
   * Compiles files given as paths (relative to the working folder or absolute) or as names on the
   * import path, with everything they import.
   *
   * @throws PygrpcException {@code NOT_FOUND} for a missing file or import (naming the paths
   *     searched), {@code DESCRIPTOR} for a mistake in a file ({@code file:line:col: message})
   */
  public List<FileDescriptor> compile(List<String> files) {
    List<FileDescriptor> out = new ArrayList<>();
    for (String file : files) {
      out.add(compileNamed(nameOf(file), null, null));
    }
    return out;
  }

  /** The name protoc would give a file: its path relative to the import path holding it. */
  private String nameOf(String file) {
    Path path = Path.of(file);
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.isRegularFile(absolute)) {
      for (Path root : importPaths) {
        if (absolute.startsWith(root)) {
          return slashes(root.relativize(absolute));
        }
      }
      // Not under any import path: its folder becomes one, as if given with -I.
      importPaths.add(absolute.getParent());
      return absolute.getFileName().toString();
    }
    if (!path.isAbsolute() && find(slashes(path)) != null) {
      return slashes(path);
    }
    throw new PygrpcException(Kind.NOT_FOUND, "no file \"" + file + "\"; looked at " + absolute
        + (importPaths.isEmpty() ? "" : " and in the import paths: " + describePaths()));
  }

  private FileDescriptor compileNamed(String name, String importer, Token at) {
    FileDescriptor done = compiled.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptor available = known.apply(name);
    if (available != null) {
      return available;
    }
    Path path = find(name);
    if (path == null) {
      String where = importer == null ? "" : importer + ":" + at.line() + ":" + at.column() + ": ";
      throw new PygrpcException(Kind.NOT_FOUND, where + "import \"" + name + "\" was not found;"
          + " looked in: " + describePaths());
    }
    if (!inProgress.add(name)) {
      List<String> cycle = new ArrayList<>(inProgress);
      cycle = cycle.subList(cycle.indexOf(name), cycle.size());
      throw new PygrpcException(Kind.DESCRIPTOR, "file recursively imports itself: "
          + String.join(" -> ", cycle) + " -> " + name);
    }
    try {
      String source;
      try {
        source = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new PygrpcException(Kind.NOT_FOUND, "cannot read " + path + ": " + e.getMessage(), e);
      }
      ProtoParser.Parsed parsed = ProtoParser.parse(name, source);
      List<FileDescriptor> imports = new ArrayList<>();
      List<String> dependencies = parsed.file().getDependencyList();
      for (int i = 0; i < dependencies.size(); i++) {
        imports.add(compileNamed(dependencies.get(i), name, parsed.importAt().get(i)));
      }
      FileDescriptor file = ProtoLinker.link(parsed, imports);
      compiled.put(name, file);
      return file;
    } catch (ProtoSyntaxError e) {
      throw new PygrpcException(Kind.DESCRIPTOR, e.getMessage(), e);
    } finally {
      inProgress.remove(name);
    }
  }

  private Path find(String name) {
    for (Path root : importPaths) {
      Path candidate = root.resolve(name).normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private String describePaths() {
    return importPaths.isEmpty() ? "(no import paths)"
        : importPaths.stream().map(Path::toString).collect(Collectors.joining(", "));
  }

  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }
}
