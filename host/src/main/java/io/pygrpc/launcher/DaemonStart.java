package io.pygrpc.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Starting the warm daemon as a process of its own: in a session of its own (the terminal's
 * Ctrl-C and hang-up do not reach it), not a child of the starter, with no stdin and its output
 * in a log beside its socket, so it holds none of the starter's pipes (a test harness or CI job
 * reading them would wait for it). A marker file beside the socket says a start is under way, so that runs meanwhile do not
 * start a second daemon; the daemon removes it once it listens.
 */
final class DaemonStart {
  /** How long a start in progress keeps other runs from starting another daemon. */
  private static final long STARTING_MILLIS = 2 * 60 * 1000L;

  private DaemonStart() {}

  static Path marker(Path socket) {
    return socket.resolveSibling(socket.getFileName() + ".starting");
  }

  static Path log(Path socket) {
    return socket.resolveSibling(socket.getFileName() + ".log");
  }

  static Path pidFile(Path socket) {
    return socket.resolveSibling(socket.getFileName() + ".pid");
  }

  /** The daemon's folder, made if missing, that only the user can open. */
  static void makeFolder(Path socket) throws IOException {
    Path folder = socket.getParent();
    Files.createDirectories(folder,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
  }

  /**
   * Starts a daemon on {@code socket} unless another start is under way.
   *
   * @param command the daemon's command line, words separated by the unit separator (paths may
   *     hold spaces), as the {@code ./pygrpc} wrapper writes it; the socket is added to it
   * @param delayed whether the daemon should start a second from now, not at once
   * @return whether this call started one
   */
  static boolean spawn(Path socket, String command, boolean delayed) throws IOException {
    makeFolder(socket);
    Path marker = marker(socket);
    if (!claim(marker) && !takeOver(marker)) {
      return false;
    }
    // Through a shell that leaves at once, in the background of which the daemon starts: the
    // JVM keeps a thread waiting in native code on each child it started, and at exit waits
    // for such threads (a first run took 0.2-0.3 s longer while the daemon was its child).
    // Delayed: a JVM's start takes a core for a while, not while the run that starts it exits.
    // A background job of sh starts with SIGINT ignored, and a JVM where it is ignored takes no
    // handler for it: env gives it back its default, so a script's Ctrl-C handler (and
    // KeyboardInterrupt) can be installed in the daemon, where env can (coreutils 8.31+).
    String start = "if env --default-signal=INT true 2>/dev/null; then "
        + "exec env --default-signal=INT \"$@\"; else exec \"$@\"; fi";
    List<String> words = new ArrayList<>(List.of("/bin/sh", "-c",
        (delayed ? "(sleep 1 && " + start + ") &" : "(" + start + ") &"), "pygrpc-daemon"));
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      words.add("/usr/bin/setsid");
    }
    words.addAll(List.of(command.split("\u001f")));
    words.add(socket.toString());
    try {
      Process shell = new ProcessBuilder(words)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true).redirectOutput(log(socket).toFile()).start();
      shell.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(marker);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  /** Claims a marker left by a start that died (older than a start takes); false if fresh. */
  private static boolean takeOver(Path marker) throws IOException {
    try {
      if (System.currentTimeMillis() - Files.getLastModifiedTime(marker).toMillis()
          < STARTING_MILLIS) {
        return false;
      }
    } catch (java.nio.file.NoSuchFileException e) {
      return claim(marker); // the daemon just removed it
    }
    Files.deleteIfExists(marker);
    return claim(marker);
  }

  private static boolean claim(Path marker) throws IOException {
    try {
      Files.createFile(marker);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }
}
