// A JVM application that lets its users script what happens to an order, in Python or
// JavaScript, with pygrpc: hooks run in a sandbox, call gRPC only through the channel the
// application makes, and are stopped when they run too long.
//
//     bin/run-java scripts/embed/OrderHooks.java
import io.grpc.ManagedChannel;
import io.pygrpc.call.Channels;
import io.pygrpc.demo.DemoServer;
import io.pygrpc.embed.HookPool;
import io.pygrpc.embed.PygrpcRuntime;
import io.pygrpc.embed.Sandbox;
import io.pygrpc.embed.ScriptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class OrderHooks {
  public static void main(String[] args) throws Exception {
    Path folder = Path.of("scripts/embed");
    try (DemoServer backend = DemoServer.start(0);           // the service hooks may call
         PygrpcRuntime runtime = PygrpcRuntime.create()) {
      ManagedChannel greeter = Channels.open("127.0.0.1:" + backend.port());
      Sandbox sandbox = Sandbox.builder()
          .readRoots(folder)                                 // the hooks' schema files
          .timeLimit(Duration.ofSeconds(2))
          .build();
      for (String script : List.of("hooks.py", "hooks.js")) {
        try (HookPool hooks = runtime.hooks(folder.resolve(script))
            .sandbox(sandbox)
            .channel("greeter", greeter)
            .value("SHOP", "north")
            .size(2)
            .build()) {
          ExecutorService workers = Executors.newFixedThreadPool(4);
          List<Future<Object>> results = List.of(1, 2, 3, 4).stream()
              .map(id -> workers.submit(() -> hooks.call("on_order", Map.of("id", id,
                  "customer", "customer-" + id, "prices", List.of(id * 10, 5)))))
              .toList();
          for (Future<Object> result : results) {
            System.out.println(script + " " + result.get());
          }
          workers.shutdown();
          if (script.endsWith(".py")) {
            try {
              hooks.call("runaway", Map.of());
            } catch (ScriptException e) {
              System.out.println(script + " " + e.reason() + ": " + e.getMessage());
            }
            System.out.println(script + " after the runaway: " + hooks.call("on_order",
                Map.of("id", 5, "customer", "again", "prices", List.of(1))));
          }
        }
      }
      greeter.shutdownNow();
    }
  }
}
