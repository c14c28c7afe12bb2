package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pygrpc.demo.DemoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (a real SIGINT to the launcher's process) reaches a script as KeyboardInterrupt, as
 * under python: in a JVM of its own and through the warm daemon, while the script waits for
 * a stream's next message in the host and while it runs a pure Python loop; the script may
 * catch it and go on, its finally blocks run, and an uncaught one prints its traceback and
 * exits 130.
 */
class CtrlCIT {
  private static final String SCRIPT = String.join("\n",
      "import sys",
      "from pygrpc import Client",
      "client = Client('127.0.0.1', int(sys.argv[1]))",
      "client.load()",
      "print('ready', flush=True)",
      "try:",
      "    for tick in client.request('Ticks', count=1000, delay_ms=1000):",
      "        pass",
      "except KeyboardInterrupt:",
      "    print('caught in the stream', flush=True)",
      "try:",
      "    while True:",
      "        pass",
      "finally:",
      "    print('finally ran', flush=True)",
      "");

  @Test
  void inItsOwnJvm(@TempDir Path work) throws Exception {
    interruptTwice(Map.of("PYGRPC_DAEMON", "0", "PYGRPC_CACHE", work.resolve("cache")
        .toString()), work);
  }

  @Test
  void throughTheWarmDaemon(@TempDir Path work) throws Exception {
    Map<String, String> env = Map.of("PYGRPC_DAEMON", "1", "PYGRPC_CACHE",
        work.resolve("cache").toString());
    try {
      interruptTwice(env, work); // the first run starts the daemon, then runs in it
      interruptTwice(env, work); // in the context the daemon made ahead for this folder
    } finally {
      WrapperIT.exec(env, List.of(WrapperIT.REPO.resolve("pygrpc").toString(),
          "--stop-daemon"));
    }
  }

  private static void interruptTwice(Map<String, String> env, Path work) throws Exception {
    Path script = work.resolve("interrupted.py");
    Files.writeString(script, SCRIPT);
    try (DemoServer server = DemoServer.start(0)) {
      List<String> command = new ArrayList<>();
      if (Files.isExecutable(Path.of("/usr/bin/env"))) {
        // A test run started in the background inherits SIGINT ignored, which a JVM keeps.
        command.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
      }
      command.addAll(List.of(WrapperIT.REPO.resolve("pygrpc").toString(), script.toString(),
          String.valueOf(server.port())));
      ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
      builder.environment().putAll(env);
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process process = builder.start();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
        try {
          return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(
            process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine(), () -> err.join());
        Thread.sleep(300); // into the stream's wait
        sigint(process);
        assertEquals("caught in the stream", out.readLine(), () -> err.join());
        Thread.sleep(300); // into the loop
        sigint(process);
        assertEquals("finally ran", out.readLine(), () -> err.join());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running after Ctrl-C");
        String errors = err.join();
        assertEquals(130, process.exitValue(), errors);
        assertTrue(errors.contains("Traceback (most recent call last):\n"), errors);
        // Where the loop was: on its while or its pass.
        assertTrue(errors.matches("(?s).*interrupted\\.py\", line 1[23], in <module>\n.*"),
            errors);
        assertTrue(errors.endsWith("KeyboardInterrupt\n"), errors);
        assertTrue(!errors.contains("_ctrl_c") && !errors.contains("\tat "), errors);
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static void sigint(Process process) throws Exception {
    Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
    assertEquals(0, kill.waitFor());
  }
}
