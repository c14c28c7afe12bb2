package io.pygrpc.guest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds the {@code pygrpc} Python package (the python-api module's resources) as a folder that
 * GraalPy can put on {@code sys.path}.
 *
 * <p>From unpacked classes the resource folder is used as it is. From a jar, the package is
 * copied once into a folder under the user's cache named by the jar's size and time, so a new
 * build gets a new copy and an unchanged one starts without copying.
 */
final class PythonPackage {
  static final String RESOURCE_ROOT = "pygrpc-python";
  private static final String MARKER = RESOURCE_ROOT + "/pygrpc/__init__.py";
  private static volatile Path root;

  private PythonPackage() {}

  /** The folder that holds the {@code pygrpc} package folder. */
  static Path root() {
    Path found = root;
    if (found == null) {
      synchronized (PythonPackage.class) {
        found = root;
        if (found == null) {
          found = locate();
          root = found;
        }
      }
    }
    return found;
  }

  private static Path locate() {
    URL marker = PythonPackage.class.getClassLoader().getResource(MARKER);
    if (marker == null) {
      throw new IllegalStateException("the pygrpc Python package (" + MARKER
          + ") is not on the class path; is pygrpc-python-api.jar missing?");
    }
    try {
      if (marker.getProtocol().equals("file")) {
        return Path.of(marker.toURI()).getParent().getParent();
      }
      if (marker.getProtocol().equals("jar")) {
        return extract((JarURLConnection) marker.openConnection());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the pygrpc Python package", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("cannot read the pygrpc Python package from " + marker);
  }

  private static Path extract(JarURLConnection connection) throws IOException {
    Path jar;
    try {
      jar = Path.of(connection.getJarFileURL().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    String stamp = HexFormat.of().toHexDigits(Files.size(jar))
        + HexFormat.of().toHexDigits(Files.getLastModifiedTime(jar).toMillis());
    Path target = CacheDirs.base().resolve("python-api-" + stamp);
    if (Files.isRegularFile(target.resolve("pygrpc/__init__.py"))) {
      return target;
    }
    // Unpack beside the target and move it in place, so a concurrent start never sees half a copy.
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempDirectory(target.getParent(), "python-api-");
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || !name.startsWith(RESOURCE_ROOT + "/")) {
          continue;
        }
        Path out = staging.resolve(name.substring(RESOURCE_ROOT.length() + 1)).normalize();
        if (!out.startsWith(staging)) {
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.isRegularFile(target.resolve("pygrpc/__init__.py"))) {
        throw e;
      }
    }
    removeOlderCopies(target, CacheDirs.base().resolve("pycache"));
    return target;
  }

  /**
   * Removes copies not refreshed for a week: earlier builds of this checkout. Younger ones may
   * belong to another checkout or install on the same machine that is still in use. Each copy's
   * compiled byte code goes with it: GraalPy keeps it in {@code pycache} under the copy's own
   * absolute path (the {@code PyCachePrefix} the scripts' contexts are given).
   */
  static void removeOlderCopies(Path current, Path pycache) {
    long weekAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(7);
    try (var siblings = Files.list(current.getParent())) {
      for (Path old : siblings.filter(p -> p.getFileName().toString().startsWith("python-api-")
          && !p.equals(current) && modifiedBefore(p, weekAgo)).toList()) {
        Path absolute = old.toAbsolutePath();
        removeTree(pycache.resolve(absolute.getRoot().relativize(absolute).toString()));
        removeTree(old);
      }
    } catch (IOException ignored) {
      // the cache folder is not listable: nothing to tidy
    }
  }

  private static void removeTree(Path top) {
    if (!Files.exists(top)) {
      return;
    }
    try (var tree = Files.walk(top)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // in use or already gone: the next start tries again
    }
  }

  private static boolean modifiedBefore(Path path, long millis) {
    try {
      return Files.getLastModifiedTime(path).toMillis() < millis;
    } catch (IOException e) {
      return false;
    }
  }
}
