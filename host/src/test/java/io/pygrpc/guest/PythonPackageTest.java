package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Earlier builds' copies of the Python package are removed with their byte code. */
class PythonPackageTest {
  @TempDir
  Path cache;

  @Test
  void copiesUnrefreshedForAWeek_goWithTheirByteCode_youngerOnesStay() throws IOException {
    Path pycache = cache.resolve("pycache");
    Path current = copy("python-api-current", Duration.ZERO);
    Path old = copy("python-api-old", Duration.ofDays(8));
    Path young = copy("python-api-young", Duration.ofDays(2));
    Path unrelated = Files.createDirectories(cache.resolve("js"));
    setAge(unrelated, Duration.ofDays(30));

    PythonPackage.removeOlderCopies(current, pycache);

    assertFalse(Files.exists(old));
    assertFalse(Files.exists(mirror(pycache, old)));
    for (Path kept : new Path[] {current, young}) {
      assertTrue(Files.isRegularFile(kept.resolve("pygrpc/__init__.py")), kept.toString());
      assertTrue(Files.isRegularFile(mirror(pycache, kept).resolve("pygrpc/__init__.pyc")),
          kept.toString());
    }
    assertTrue(Files.isDirectory(unrelated));
  }

  @Test
  void aCopyWithoutByteCode_isRemovedAsWell() throws IOException {
    Path pycache = cache.resolve("pycache");
    Path current = copy("python-api-current", Duration.ZERO);
    Path old = Files.createDirectories(cache.resolve("python-api-bare/pygrpc")).getParent();
    setAge(old, Duration.ofDays(9));

    PythonPackage.removeOlderCopies(current, pycache);

    assertFalse(Files.exists(old));
    assertTrue(Files.isDirectory(current));
  }

  /** A package copy with a source file and, under {@code pycache}, its byte code. */
  private Path copy(String name, Duration age) throws IOException {
    Path dir = cache.resolve(name);
    Files.createDirectories(dir.resolve("pygrpc"));
    Files.writeString(dir.resolve("pygrpc/__init__.py"), "");
    Path compiled = mirror(cache.resolve("pycache"), dir).resolve("pygrpc/__init__.pyc");
    Files.createDirectories(compiled.getParent());
    Files.write(compiled, new byte[] {1});
    setAge(dir, age);
    return dir;
  }

  /** Where GraalPy, as CPython, puts a folder's byte code under a prefix: its absolute path. */
  private static Path mirror(Path pycache, Path dir) {
    return Path.of(pycache.toString() + dir.toAbsolutePath());
  }

  private static void setAge(Path dir, Duration age) throws IOException {
    Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(age)));
  }
}
