package io.pygrpc.guest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import org.graalvm.polyglot.Source;

/**
 * The JavaScript side of pygrpc: {@code pygrpc.js}, evaluated before each script, and the
 * {@code pygrpc.mjs} facade that {@code import ... from 'pygrpc'} resolves to. GraalJS reads
 * ES modules from files, so the facade is copied once into the cache folder.
 */
final class JsPackage {
  private static final Source PRELUDE = load("pygrpc.js");
  private static volatile Path facade;

  private JsPackage() {}

  /** The prelude, one Source for the process so a shared engine parses it once. */
  static Source prelude() {
    return PRELUDE;
  }

  /** The file the bare module name 'pygrpc' stands for. */
  static Path facade() {
    Path found = facade;
    if (found == null) {
      synchronized (JsPackage.class) {
        found = facade;
        if (found == null) {
          found = writeFacade();
          facade = found;
        }
      }
    }
    return found;
  }

  private static byte[] resource(String name) {
    try (InputStream in = JsPackage.class.getResourceAsStream("/pygrpc-js/" + name)) {
      if (in == null) {
        throw new IllegalStateException("pygrpc-js/" + name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Source load(String name) {
    return Source.newBuilder("js", new String(resource(name),
        java.nio.charset.StandardCharsets.UTF_8), name).cached(true).buildLiteral();
  }

  private static Path writeFacade() {
    byte[] content = resource("pygrpc.mjs");
    try {
      String stamp = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(content), 0, 8);
      Path target = CacheDirs.base().resolve("js").resolve("pygrpc-" + stamp + ".mjs");
      if (!Files.isRegularFile(target)) {
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempFile(target.getParent(), "pygrpc-", ".tmp");
        Files.write(staging, content);
        Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pygrpc ES module facade", e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
