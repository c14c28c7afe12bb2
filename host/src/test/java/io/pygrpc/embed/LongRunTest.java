package io.pygrpc.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.pygrpc.call.Channels;
import io.pygrpc.demo.DemoServer;
import io.pygrpc.guest.Engines;
import io.pygrpc.guest.GuestLanguage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 200,000 sequential calls from one Python context: the heap after GC does not grow with the
 * number of calls (no per-call leak in the bridge, the converter, the channel or the script's
 * objects).
 */
class LongRunTest {
  private static long usedAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void twoHundredThousandSequentialCalls_keepTheHeapFlat() throws Exception {
    try (DemoServer server = DemoServer.start(0);
         PygrpcRuntime runtime = PygrpcRuntime.on(Engines.shared())) {
      ManagedChannel channel = Channels.open("127.0.0.1:" + server.port());
      try (ScriptSession session = runtime.session(GuestLanguage.PYTHON)
          .sandbox(Sandbox.unrestricted(null)).channel("demo", channel)
          .source("calls.py", """
              from pygrpc import Client
              client = Client(channel='demo')
              client.load()
              def calls(n):
                  wrong = 0
                  for i in range(n):
                      if client.request('SayHello', name='x').message != 'Hello, x!':
                          wrong += 1
                  return wrong
              """).build()) {
        assertEquals(0L, session.call("calls", 20_000));
        long before = usedAfterGc();
        long start = System.nanoTime();
        assertEquals(0L, session.call("calls", 200_000));
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc();
        System.out.printf("200,000 calls in %.1f s; heap after GC %d MB -> %d MB%n", seconds,
            before >> 20, after >> 20);
        assertTrue(after - before < 24L * 1024 * 1024,
            "heap grew by " + ((after - before) >> 20) + " MB over 200,000 calls");
      } finally {
        channel.shutdownNow();
      }
    }
  }
}
