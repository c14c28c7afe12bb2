package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The launcher's warm-up really goes through a connection and a call, and then lets go. */
class WarmupTest {
  @Test
  void warm_writesAnHttp2CallToTheSilentSocket_andGivesUpSoon() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      long start = System.nanoTime();
      CompletableFuture<Void> warming = CompletableFuture.runAsync(() -> {
        try {
          Warmup.warm(silent);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (Socket client = silent.accept(); InputStream in = client.getInputStream()) {
        byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(preface, in.readNBytes(preface.length), "the HTTP/2 client preface");
        warming.get(); // and it stops waiting for an answer that never comes
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(seconds < 5, "the warm-up took " + seconds + " s");
    }
  }
}
