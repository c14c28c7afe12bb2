package io.pygrpc.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pygrpc.PygrpcException;
import io.pygrpc.descriptor.DescriptorSources;
import io.pygrpc.descriptor.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated protoc outputs (every generation in the fixtures): flipped, dropped, inserted and
 * duplicated bytes and truncations, in the source text and inside the descriptor literal. The
 * reader loads a file, or refuses it with a PygrpcException — never another exception or a hang.
 */
class Pb2FuzzTest {
  static final long SEED = 1124L;
  static final int CASES = 3_000;
  static final List<String> FIXTURES = List.of("modern/helloworld_pb2.py",
      "v3_5/helloworld_pb2.py", "beta2015/helloworld_pb2.py", "v5/helloworld_pb2.py",
      "modern/demo/echo_pb2.py");
  @TempDir
  Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void mutatedFiles_loadOrFailWithAUsageError() throws IOException {
    Random random = new Random(SEED);
    Path fixtures = Path.of("src/test/resources/pb2");
    // The modules the demo one imports stay intact beside it.
    Files.createDirectories(dir.resolve("demo"));
    Files.copy(fixtures.resolve("modern/demo/common_pb2.py"), dir.resolve("demo/common_pb2.py"));
    int loaded = 0;
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      String fixture = FIXTURES.get(random.nextInt(FIXTURES.size()));
      byte[] bytes = mutate(Files.readAllBytes(fixtures.resolve(fixture)), random);
      String module = fixture.endsWith("echo_pb2.py") ? "demo.fuzzed_pb2" : "fuzzed_pb2";
      Path file = dir.resolve(module.replace('.', '/') + ".py");
      Files.write(file, bytes);
      try {
        Schema schema = new Schema();
        schema.add(DescriptorSources.fromPb2(schema, List.of(dir), module));
        loaded++;
      } catch (PygrpcException e) {
        refused++;
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "empty message");
      } catch (RuntimeException | StackOverflowError e) {
        fail("case " + i + " (" + fixture + ") threw " + e + "; file:\n"
            + new String(bytes, StandardCharsets.ISO_8859_1), e);
      }
    }
    System.out.printf("pb2 fuzz: %d cases, %d loaded, %d refused%n", CASES, loaded, refused);
    assertTrue(loaded > 0 && refused > CASES / 10, loaded + " / " + refused);
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(5)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes[at] = (byte) "\\'\"x0n()=,\n".charAt(random.nextInt(11));
        case 2 -> bytes = splice(bytes, at, 1 + random.nextInt(8), new byte[0]);
        case 3 -> bytes = splice(bytes, at, 0, new byte[] {(byte) random.nextInt(256)});
        default -> bytes = java.util.Arrays.copyOf(bytes, at); // truncated
      }
      if (bytes.length == 0) {
        return bytes;
      }
    }
    return bytes;
  }

  private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
    int end = Math.min(bytes.length, at + remove);
    byte[] out = new byte[bytes.length - (end - at) + insert.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(bytes, end, out, at + insert.length, bytes.length - end);
    return out;
  }
}
