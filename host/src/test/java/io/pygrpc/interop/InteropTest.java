package io.pygrpc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.pygrpc.demo.DemoServer;
import io.pygrpc.launcher.LauncherTest;
import io.pygrpc.launcher.LauncherTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interop client scripts (interop/client.py, client.js) through the launcher, against
 * grpc-java's own interop TestService (grpc-interop-testing's TestServiceImpl), against
 * pygrpc's InteropService (which also checks compression), and against CPython grpcio's
 * (Debian's python3-grpcio; bin/test installs it).
 */
class InteropTest {
  static final Path INTEROP = Path.of("../interop").toAbsolutePath().normalize();
  static final List<String> CASES = List.of("empty_unary", "large_unary",
      "client_compressed_unary", "server_streaming", "client_streaming", "ping_pong",
      "empty_stream", "cancel_after_begin", "cancel_after_first_response",
      "timeout_on_sleeping_server", "custom_metadata", "status_code_and_message",
      "special_status_message", "unimplemented_method", "unimplemented_service");

  @TempDir
  Path dir;

  private static Run launch(String... args) {
    return LauncherTest.launch("", args);
  }

  private static void assertCases(Run run, List<String> cases, Set<String> skippable) {
    List<String> lines = run.out().lines().toList();
    assertEquals(cases.size(), lines.size(), run.out() + run.err());
    for (int i = 0; i < cases.size(); i++) {
      String line = lines.get(i);
      boolean passed = line.startsWith(cases.get(i) + ": PASS (");
      boolean skipped = skippable.contains(cases.get(i))
          && line.startsWith(cases.get(i) + ": SKIP ");
      assertTrue(passed || skipped, line);
    }
    assertEquals(0, run.status(), run.out() + run.err());
    assertEquals("", run.err());
  }

  /** grpc-java's own interop TestService, with its interceptors (metadata echo, compression). */
  private static DemoServer grpcJavaInteropServer() {
    java.util.concurrent.ScheduledExecutorService executor =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "interop-server");
          thread.setDaemon(true);
          return thread;
        });
    return DemoServer.start(0, List.of(io.grpc.ServerInterceptors.intercept(
        new io.grpc.testing.integration.TestServiceImpl(executor),
        io.grpc.testing.integration.TestServiceImpl.interceptors())));
  }

  @Test
  void python_everyCase_againstGrpcJavasOwnInteropServer() {
    try (DemoServer server = grpcJavaInteropServer()) {
      String target = "127.0.0.1:" + server.port();
      // TestServiceImpl leaves expect_compressed to its harness, so the probe finds no check.
      Set<String> skippable = Set.of("client_compressed_unary");
      assertCases(launch(INTEROP.resolve("client.py").toString(), target), CASES, skippable);
      // The schema in protos/interop against the real one: same wire contract.
      assertCases(launch(INTEROP.resolve("client.py").toString(), target, "--schema", "proto"),
          CASES, skippable);
    }
  }

  @Test
  void python_everyCase_againstGrpcJava_overReflectionAndOverProtoFiles() {
    try (DemoServer server = DemoServer.start(0, InteropService.definitions())) {
      String target = "127.0.0.1:" + server.port();
      assertCases(launch(INTEROP.resolve("client.py").toString(), target), CASES, Set.of());
      assertCases(launch(INTEROP.resolve("client.py").toString(), target, "--schema", "proto"),
          CASES, Set.of());
    }
  }

  @Test
  void javascript_subset_againstGrpcJavasOwnInteropServer() {
    try (DemoServer server = grpcJavaInteropServer()) {
      assertCases(launch(INTEROP.resolve("client.js").toString(), "127.0.0.1:" + server.port()),
          List.of("empty_unary", "large_unary", "server_streaming", "client_streaming",
              "empty_stream", "timeout_on_sleeping_server", "custom_metadata",
              "status_code_and_message", "special_status_message", "unimplemented_method"),
          Set.of());
    }
  }

  @Test
  void python_everyCase_againstCPythonGrpcio() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
    Process probe = new ProcessBuilder(python.toString(), "-c", "import grpc").start();
    Assumptions.assumeTrue(probe.waitFor() == 0,
        "Debian's python3-grpcio is not installed (bin/test installs it)");
    Path protoset = dir.resolve("interop.protoset");
    Files.write(protoset, protoset().toByteArray());
    Path portFile = dir.resolve("port");
    Process server = new ProcessBuilder(python.toString(),
        INTEROP.resolve("grpcio_server.py").toString(), protoset.toString(), portFile.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
        assertTrue(server.isAlive(), "the grpcio server exited: "
            + Files.readString(dir.resolve("server.log")));
        assertTrue(System.nanoTime() < deadline, "the grpcio server did not start");
        Thread.sleep(50);
      }
      String target = "127.0.0.1:" + Files.readString(portFile).trim();
      assertCases(launch(INTEROP.resolve("client.py").toString(), target, "--schema", "proto"),
          CASES, Set.of("client_compressed_unary"));
    } finally {
      server.destroyForcibly().waitFor();
    }
  }

  /** The interop schema as protoc would write it with --include_imports. */
  private static FileDescriptorSet protoset() {
    io.pygrpc.descriptor.Schema schema = new io.pygrpc.descriptor.Schema();
    schema.add(io.pygrpc.descriptor.DescriptorSources.fromProtoFiles(schema,
        List.of(InteropService.PROTOS), List.of("grpc/testing/test.proto")));
    Set<FileDescriptor> ordered = new LinkedHashSet<>();
    collect(schema.file("grpc/testing/test.proto"), ordered);
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    ordered.forEach(f -> set.addFile(f.toProto()));
    return set.build();
  }

  private static void collect(FileDescriptor file, Set<FileDescriptor> into) {
    for (FileDescriptor dependency : file.getDependencies()) {
      collect(dependency, into);
    }
    into.add(file);
  }

}
