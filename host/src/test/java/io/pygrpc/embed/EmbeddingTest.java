package io.pygrpc.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.pygrpc.call.Channels;
import io.pygrpc.demo.DemoServer;
import io.pygrpc.guest.Engines;
import io.pygrpc.guest.GuestLanguage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API: hooks in both languages over host channels, data both ways, threads. */
class EmbeddingTest {
  static DemoServer server;
  static ManagedChannel channel;
  static PygrpcRuntime runtime;
  @TempDir
  static Path hooks;
  @TempDir
  static Path elsewhere;

  @BeforeAll
  static void start() throws IOException {
    server = DemoServer.start(0);
    channel = Channels.open("127.0.0.1:" + server.port());
    runtime = PygrpcRuntime.on(Engines.shared());
    Path fixtures = Path.of("src/test/resources/pb2/modern");
    Files.copy(fixtures.resolve("helloworld_pb2.py"), hooks.resolve("helloworld_pb2.py"));
    Files.copy(fixtures.resolve("helloworld_pb2.py"), elsewhere.resolve("secret_pb2.py"));
    Files.writeString(hooks.resolve("orders.py"), """
        from pygrpc import Client, RpcError
        greeter = Client(channel='demo')
        greeter.load('helloworld_pb2')
        calls = 0
        def on_order(order):
            global calls
            calls += 1
            reply = greeter.request('SayHello', name=order['customer'])
            return {'greeting': reply.message, 'items': len(order['items']),
                    'total': sum(order['items']), 'prefix': PREFIX, 'calls': calls}
        def fail(code):
            greeter.load('demo.echo_pb2') if False else None
            return Client(channel='nope')
        """);
    Files.writeString(hooks.resolve("orders.js"), """
        const greeter = new Client({channel: 'demo'});
        greeter.load('helloworld_pb2');
        let calls = 0;
        function on_order(order) {
          calls++;
          const reply = greeter.request('SayHello', {name: order.customer});
          return {greeting: reply.message, items: order.items.length,
                  total: order.items.reduce((a, b) => a + b, 0), prefix: PREFIX, calls};
        }
        """);
  }

  @AfterAll
  static void stop() {
    runtime.close();
    channel.shutdownNow();
    server.close();
  }

  private static ScriptSession.Builder session(String script) {
    return runtime.session(GuestLanguage.ofFile(Path.of(script)))
        .script(hooks.resolve(script))
        .sandbox(Sandbox.builder().readRoots(hooks).build())
        .channel("demo", channel)
        .value("PREFIX", "shop-1");
  }

  @Test
  void hooks_inBothLanguages_callGrpcThroughTheHostsChannel_andReturnJavaData() {
    for (String script : new String[] {"orders.py", "orders.js"}) {
      try (ScriptSession hook = session(script).build()) {
        Object result = hook.call("on_order", Map.of("customer", "ada", "items", List.of(3, 4)));
        assertEquals(Map.of("greeting", "Hello, ada!", "items", 2L, "total", 7L,
            "prefix", "shop-1", "calls", 1L), result, script);
        assertTrue(hook.hasFunction("on_order"));
      }
    }
  }

  @Test
  void esModuleHooks_areItsExports_andPythonMessagesComeBackAsProtobufMessages() {
    try (ScriptSession module = runtime.session(GuestLanguage.JAVASCRIPT)
        .source("hooks.mjs", """
            import { Client } from 'pygrpc';
            const greeter = new Client({channel: 'demo'});
            greeter.load();
            export function greet(name) { return greeter.request('SayHello', {name}).message; }
            """).sandbox(Sandbox.strict()).channel("demo", channel).build()) {
      assertEquals("Hello, module!", module.call("greet", "module"));
    }
    try (ScriptSession python = runtime.session(GuestLanguage.PYTHON)
        .source("m.py", """
            from pygrpc import Client
            greeter = Client(channel='demo')
            greeter.load()
            def reply(name):
                return greeter.request('SayHello', name=name)
            """).sandbox(Sandbox.strict()).channel("demo", channel).build()) {
      com.google.protobuf.Message reply = (com.google.protobuf.Message) python.call("reply", "pb");
      assertEquals("helloworld.HelloReply", reply.getDescriptorForType().getFullName());
      assertEquals("Hello, pb!", reply.getField(reply.getDescriptorForType()
          .findFieldByName("message")));
    }
  }

  @Test
  void sessions_shareNothing_unlessTheHostPassesIt() {
    try (ScriptSession first = session("orders.py").build();
         ScriptSession second = session("orders.py").build()) {
      Map<String, Object> order = Map.of("customer", "x", "items", List.of());
      first.call("on_order", order);
      first.call("on_order", order);
      assertEquals(3L, ((Map<?, ?>) first.call("on_order", order)).get("calls"));
      assertEquals(1L, ((Map<?, ?>) second.call("on_order", order)).get("calls"));
    }
  }

  @Test
  void failures_reachTheHostAsScriptExceptions_withTheScriptsMessage() {
    try (ScriptSession hook = session("orders.py").build()) {
      ScriptException missing = assertThrows(ScriptException.class, () -> hook.call("absent"));
      assertEquals("orders.py defines no function \"absent\"", missing.getMessage());
      ScriptException lookup = assertThrows(ScriptException.class, () -> hook.call("fail", 1));
      assertEquals("LookupError", lookup.guestType());
      assertEquals("orders.py: fail() failed: LookupError: channel: no channel named \"nope\"; "
          + "the host provides: demo", lookup.getMessage());
      ScriptException data = assertThrows(ScriptException.class,
          () -> hook.call("on_order", new Object()));
      assertTrue(data.getMessage().contains("cannot hand a java.lang.Object to a script"),
          data.getMessage());
    }
  }

  @Test
  void sandbox_readsSchemasOnlyUnderItsRoots_andConnectsOnlyToAllowedTargets() {
    String target = "127.0.0.1:" + server.port();
    String script = """
        import sys
        from pygrpc import Client
        def hello(folder, module):
            sys.path.insert(0, folder)
            try:
                c = Client(TARGET)
                c.load(module)
                return c.request('SayHello', name='sandbox').message
            except Exception as e:
                return type(e).__name__ + ': ' + str(e)
            finally:
                sys.path.pop(0)
        def connect(other):
            try:
                Client(other)
            except Exception as e:
                return type(e).__name__ + ': ' + str(e)
        """;
    try (ScriptSession hook = runtime.session(GuestLanguage.PYTHON).source("s.py", script)
        .sandbox(Sandbox.builder().readRoots(hooks).allowTargets(target).build())
        .value("TARGET", target).build()) {
      assertEquals("Hello, sandbox!", hook.call("hello", hooks.toString(), "helloworld_pb2"));
      String refused = (String) hook.call("hello", elsewhere.toString(), "secret_pb2");
      assertTrue(refused.startsWith("ModuleNotFoundError: "), refused);
      assertTrue(!refused.contains(elsewhere.toString()), refused);
      String elsewhereFile = (String) hook.call("hello", hooks.toString(),
          elsewhere.resolve("secret_pb2.py").toString());
      assertEquals("PermissionError: \"" + elsewhere.resolve("secret_pb2.py") + "\" is outside "
          + "the folders this script may read", elsewhereFile);
      assertEquals("PermissionError: target \"127.0.0.1:1\" is not allowed here; allowed: "
          + target, hook.call("connect", "127.0.0.1:1"));
    }
  }

  @Test
  void hookPool_16Threads_1000CallsEach_allCorrect() throws Exception {
    try (HookPool pool = runtime.hooks(hooks.resolve("orders.py"))
        .sandbox(Sandbox.builder().readRoots(hooks).build())
        .channel("demo", channel).value("PREFIX", "p").size(4).build()) {
      ExecutorService threads = Executors.newFixedThreadPool(16);
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        done.add(threads.submit(() -> {
          int correct = 0;
          for (int i = 0; i < 1000; i++) {
            String name = "t" + thread + "-" + i;
            Map<?, ?> result = (Map<?, ?>) pool.call("on_order",
                Map.of("customer", name, "items", List.of(i, thread)));
            if (result.get("greeting").equals("Hello, " + name + "!")
                && result.get("total").equals((long) (i + thread))) {
              correct++;
            }
          }
          return correct;
        }));
      }
      int correct = 0;
      for (Future<Integer> f : done) {
        correct += f.get();
      }
      threads.shutdown();
      assertEquals(16_000, correct);
    }
  }

  @Test
  void hookPool_replacesASessionTheClockHadToClose_andRunsOn() {
    try (HookPool pool = runtime.hooks(hooks.resolve("orders.js"))
        .sandbox(Sandbox.builder().readRoots(hooks).timeLimit(Duration.ofSeconds(5)).build())
        .channel("demo", channel).value("PREFIX", "p").size(1).build()) {
      Map<?, ?> result = (Map<?, ?>) pool.call("on_order",
          Map.of("customer", "js", "items", List.of(1)));
      assertEquals("Hello, js!", result.get("greeting"));
    }
  }
}
