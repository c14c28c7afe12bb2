package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's promises as a new user meets them: the {@code ./pygrpc} wrapper and its JDK
 * discovery, run as real processes from the repository root.
 */
class WrapperIT {
  static final Path REPO = Path.of(System.getProperty("pygrpc.repo", "..")).toAbsolutePath()
      .normalize();
  static final String JAVA_17 = "/usr/lib/jvm/java-17-openjdk-amd64";

  record Result(int status, String out, String err) {}

  static Result exec(Map<String, String> env, List<String> command)
      throws IOException, InterruptedException {
    return exec(env, command, new java.io.File("/dev/null"), REPO);
  }

  static Result exec(Map<String, String> env, List<String> command, java.io.File stdin,
      Path folder) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(stdin));
    Process process = builder.start();
    // Read both streams concurrently so neither pipe fills and blocks the child.
    var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process, true));
    var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process, false));
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(process.exitValue(), out.join(), err.join());
  }

  private static String read(Process process, boolean stdout) {
    try {
      return new String((stdout ? process.getInputStream() : process.getErrorStream())
          .readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The README's first command, with the default java being 17 as on a fresh machine. */
  @Test
  void readmeMainCommand_printsTheGreetingWithoutWarnings() throws Exception {
    Result result = exec(Map.of("JAVA_HOME", JAVA_17),
        List.of("./pygrpc", "demo", "scripts/helloworld.py"));
    assertEquals(java.nio.file.Files.readString(REPO.resolve(
        "host/src/test/resources/expected/helloworld.out")), result.out());
    assertEquals("Greeter client received: Hello, you!\n", result.out());
    String stderr = result.err().lines()
        .filter(l -> !l.startsWith("pygrpc: building") && !l.startsWith("pygrpc: making"))
        .reduce("", (a, b) -> a + b + "\n");
    assertEquals("", stderr, "unexpected output on stderr");
    assertEquals(0, result.status());
  }

  /** The seed's example in JavaScript, as the README shows it. */
  @Test
  void helloworldJs_printsTheSameGreeting() throws Exception {
    Result result = exec(Map.of(), List.of("./pygrpc", "demo", "scripts/helloworld.js"));
    assertEquals("Greeter client received: Hello, you!\n", result.out());
    assertEquals("", result.err());
    assertEquals(0, result.status());
  }

  /** The README's embedding example: a JVM app running sandboxed hooks in both languages. */
  @Test
  void embeddingExample_runsHooksInBothLanguages_andStopsTheRunaway() throws Exception {
    Result result = exec(Map.of(), List.of("bin/run-java", "scripts/embed/OrderHooks.java"));
    assertEquals("", result.err());
    StringBuilder expected = new StringBuilder();
    for (String script : new String[] {"hooks.py", "hooks.js"}) {
      for (int id = 1; id <= 4; id++) {
        expected.append(script).append(" {order=").append(id).append(", note=Hello, customer-")
            .append(id).append("!, total=").append(id * 10 + 5).append(", shop=north}\n");
      }
      if (script.equals("hooks.py")) {
        expected.append("hooks.py TIME_LIMIT: hooks.py: runaway() ran past its time limit of 2 s "
            + "and was stopped\n").append("hooks.py after the runaway: {order=5, note=Hello, "
            + "again!, total=1, shop=north}\n");
      }
    }
    assertEquals(expected.toString(), result.out());
    assertEquals(0, result.status());
  }

  /**
   * The warm mode: the first script run starts the daemon, the next ones reuse it; the script
   * sees the client's folder, environment, stdin and arguments, and its exit status comes back.
   */
  @Test
  void warmDaemon_runsScriptsInTheClientsFolderAndEnvironment(
      @org.junit.jupiter.api.io.TempDir Path cache, @org.junit.jupiter.api.io.TempDir Path work)
      throws Exception {
    Map<String, String> env = Map.of("PYGRPC_DAEMON", "1", "PYGRPC_CACHE", cache.toString(),
        "GREETING", "hi");
    java.nio.file.Files.writeString(work.resolve("input.txt"), "typed\n");
    java.nio.file.Files.writeString(work.resolve("relative.py"), "print('relative', 6 * 7)\n");
    String pygrpc = REPO.resolve("pygrpc").toString();
    try {
      Result first = exec(env, List.of(pygrpc, "-c", String.join("\n",
          "import os, sys",
          "print(input().upper(), os.getcwd() == sys.argv[1], os.environ['GREETING'])",
          "sys.exit(5)"), work.toString()), work.resolve("input.txt").toFile(), work);
      assertEquals("TYPED True hi\n", first.out(), first.err());
      assertEquals(5, first.status());
      Result second = exec(env, List.of(pygrpc, "relative.py"), new java.io.File("/dev/null"),
          work);
      assertEquals("relative 42\n", second.out());
      assertEquals("", second.err()); // no second start: the daemon was already up
      assertEquals(0, second.status());
      // The daemon made a context ahead for GREETING=hi; this run must not get it.
      Map<String, String> changed = new java.util.HashMap<>(env);
      changed.put("GREETING", "bye");
      Result other = exec(changed, List.of(pygrpc, "-c",
          "import os; print(os.environ['GREETING'])"), new java.io.File("/dev/null"), work);
      assertEquals("bye\n", other.out(), other.err());
      // The launcher's options before the script go along; -I means the client's folder.
      java.nio.file.Files.createDirectories(work.resolve("protos"));
      java.nio.file.Files.writeString(work.resolve("protos/hw.proto"), """
          syntax = "proto3";
          package hw;
          service Greeter { rpc SayHello (Req) returns (Req); }
          message Req { string name = 1; }
          """);
      java.nio.file.Files.writeString(work.resolve("load.py"), """
          import os
          from pygrpc import Client
          print(Client('localhost', 1).load('hw.proto'), os.getpid())
          """);
      Result withOptions = exec(env, List.of(pygrpc, "-v", "-I", "protos", "load.py"),
          new java.io.File("/dev/null"), work);
      assertEquals("['hw.Greeter'] " + daemonPid(cache), withOptions.out().trim(),
          withOptions.err());
      // The one-shot subcommands too: files named relative to the client's folder, stdin,
      // and the exit status of an RPC failure.
      try (io.pygrpc.demo.DemoServer server = io.pygrpc.demo.DemoServer.start(0)) {
        String target = "127.0.0.1:" + server.port();
        java.nio.file.Files.writeString(work.resolve("req.json"), "{\"name\": \"file\"}");
        Result call = exec(env, List.of(pygrpc, "call", target, "SayHello", "-d", "@req.json",
            "--compact"), new java.io.File("/dev/null"), work);
        assertEquals("{\"message\":\"Hello, file!\"}\n", call.out(), call.err());
        java.nio.file.Files.writeString(work.resolve("protos/greeter.proto"), """
            syntax = "proto3";
            package helloworld;
            service Greeter { rpc SayHello (HelloRequest) returns (HelloReply); }
            message HelloRequest { string name = 1; }
            message HelloReply { string message = 1; }
            """);
        Result piped = exec(env, List.of(pygrpc, "call", target, "SayHello", "--proto",
            "greeter.proto", "-I", "protos", "-d", "@-", "--compact"),
            work.resolve("req.json").toFile(), work);
        assertEquals("{\"message\":\"Hello, file!\"}\n", piped.out(), piped.err());
        Result failed = exec(env, List.of(pygrpc, "call", target, "Fail", "-d",
            "{\"code\": 5, \"message\": \"nope\"}"), new java.io.File("/dev/null"), work);
        assertEquals(64 + 5, failed.status());
        assertEquals("pygrpc: NOT_FOUND: nope\n", failed.err());
        Result listed = exec(env, List.of(pygrpc, "list", target, "helloworld.Greeter"),
            new java.io.File("/dev/null"), work);
        assertEquals("helloworld.Greeter.SayHello\n", listed.out(), listed.err());
      }
      Result failing = exec(env, List.of(pygrpc, "-c", "raise KeyError('k')"),
          new java.io.File("/dev/null"), work);
      assertEquals(1, failing.status());
      assertTrue(failing.err().endsWith("KeyError: 'k'\n"), failing.err());
    } finally {
      Result stopped = exec(env, List.of(pygrpc, "--stop-daemon"));
      assertEquals(0, stopped.status(), stopped.err());
    }
  }

  /**
   * The default warm mode: a first run with no daemon up runs in a JVM of its own, says nothing
   * about a daemon, and starts one once it is done; the next runs go to that daemon (the same
   * process, the one its pid file names); PYGRPC_DAEMON=0 keeps a run out of it.
   */
  @Test
  void defaultWarmMode_firstRunGoesCold_laterRunsShareTheDaemonItStarted(
      @org.junit.jupiter.api.io.TempDir Path cache) throws Exception {
    Map<String, String> env = Map.of("PYGRPC_CACHE", cache.toString());
    String pygrpc = REPO.resolve("pygrpc").toString();
    List<String> printPid = List.of(pygrpc, "-c", "import os; print(os.getpid())");
    Path folder = cache.resolve("daemon");
    try {
      Result first = exec(env, printPid);
      assertEquals("", first.err());
      assertEquals(0, first.status());
      Path pidFile = awaitPidFile(folder);
      String daemon = java.nio.file.Files.readString(pidFile).trim();
      assertTrue(!daemon.equals(first.out().trim()), "the first run went to a daemon");
      Result second = exec(env, printPid);
      Result third = exec(env, printPid);
      assertEquals(daemon + "\n", second.out(), second.err());
      assertEquals(daemon + "\n", third.out(), third.err());
      assertEquals("", second.err() + third.err());
      Result off = exec(Map.of("PYGRPC_CACHE", cache.toString(), "PYGRPC_DAEMON", "0"), printPid);
      assertTrue(!off.out().trim().equals(daemon), "PYGRPC_DAEMON=0 went to the daemon");
      assertEquals(0, off.status(), off.err());
    } finally {
      Result stopped = exec(env, List.of(pygrpc, "--stop-daemon"));
      assertEquals(0, stopped.status(), stopped.err());
    }
    try (var left = java.nio.file.Files.list(folder)) {
      assertEquals(List.of(), left.toList());
    }
  }

  /** The pid the one daemon in {@code cache} wrote. */
  private static String daemonPid(Path cache) throws IOException {
    try (var files = java.nio.file.Files.list(cache.resolve("daemon"))) {
      return java.nio.file.Files.readString(files.filter(p -> p.toString().endsWith(".sock.pid"))
          .findFirst().orElseThrow()).trim();
    }
  }

  /** The pid file the daemon writes once it listens; fails after a minute without one. */
  private static Path awaitPidFile(Path folder) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (java.nio.file.Files.isDirectory(folder)) {
        try (var files = java.nio.file.Files.list(folder)) {
          var pid = files.filter(p -> p.toString().endsWith(".sock.pid")).findFirst();
          if (pid.isPresent() && !java.nio.file.Files.readString(pid.get()).isBlank()) {
            return pid.get();
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no daemon started within a minute in " + folder);
  }

  /** PYGRPC_JIT=1: the compiler on the upgrade module path, off the class path, runs. */
  @Test
  void jitMode_runsScriptsWithTheOptimizingRuntime() throws Exception {
    Result result = exec(Map.of("PYGRPC_JIT", "1", "PYGRPC_DAEMON", "0"),
        List.of("./pygrpc", "-c", "import sys; print(sys.implementation.name, sum(range(10**6)))"));
    assertEquals("", result.err());
    assertEquals("graalpy 499999500000\n", result.out());
    assertEquals(0, result.status());
  }

  @Test
  void wrapper_rpcFailureUncaught_exits1WithPythonTraceback() throws Exception {
    Result result = exec(Map.of(), List.of("./pygrpc", "demo", "--port", "0",
        "host/src/test/resources/scripts/uncaught_rpc_error.py", "{port}"));
    assertEquals(1, result.status());
    assertTrue(result.err().contains("uncaught_rpc_error.py\", line 8, in <module>"), result.err());
    assertTrue(result.err().endsWith("\npygrpc.RpcError: UNAVAILABLE: backend down\n"),
        result.err());
    assertTrue(!result.err().contains("\tat "), result.err());
  }

  @Test
  void findJava_defaultJava17_picksAJdk21OrNewer() throws Exception {
    Result result = exec(Map.of("JAVA_HOME", JAVA_17), List.of("bash", "-c",
        ". bin/find-java.sh && pygrpc_find_java && pygrpc_java_major \"$PYGRPC_JAVA_HOME\""));
    assertEquals(0, result.status(), result.err());
    assertTrue(Integer.parseInt(result.out().trim()) >= 21, result.out());
  }

  @Test
  void findJava_noSuitableJdk_saysWhatItTriedAndWhatToDo() throws Exception {
    Result result = exec(Map.of("JAVA_HOME", JAVA_17, "PYGRPC_JDK_DIRS", "/nonexistent",
        "PATH", "/bin:/usr/bin/nonexistent"), List.of("/bin/bash", "-c",
        ". bin/find-java.sh && pygrpc_find_java"));
    assertEquals(1, result.status());
    assertEquals("""
        pygrpc: no JDK 21 or newer found. Looked at JAVA_HOME, the java on PATH and the usual \
        JDK folders:
          %s (Java 17)
        Install one (for example: apt-get install openjdk-21-jdk) or set JAVA_HOME to it.
        """.formatted(JAVA_17), result.err());
  }
}
