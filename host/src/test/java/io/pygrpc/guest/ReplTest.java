package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pygrpc.demo.DemoServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The interactive prompt's Python side, driven line by line as a terminal would. */
class ReplTest {
  /** Lines typed in advance; "^C" stands for Ctrl-C; completion asked after each line. */
  static class Typed implements Prompt {
    final Deque<String> lines;
    final StringBuilder shown = new StringBuilder();
    Function<String, List<String>> completer;

    Typed(String... lines) {
      this.lines = new ArrayDeque<>(List.of(lines));
    }

    @Override
    public String readLine(String prompt) {
      shown.append(prompt);
      String line = lines.poll();
      if ("^C".equals(line)) {
        throw new Interrupted();
      }
      return line;
    }

    @Override
    public void print(String text) {
      shown.append(text);
    }

    @Override
    public void complete(Function<String, List<String>> completion) {
      completer = completion;
    }
  }

  @Test
  void lines_runInOneNamespace_withPygrpcImported_andCompletionKnowsMethods() {
    try (DemoServer server = DemoServer.start(0)) {
      Typed typed = new Typed(
          "c = Client('127.0.0.1', " + server.port() + ")",
          "c.load()",
          "for i in range(2):",
          "    print(i)",
          "",
          "if True:",
          "^C",
          "print(c.request('SayHello', name='repl').message)",
          "exit(3)");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PythonScripts scripts = new PythonScripts(ScriptHarness.ENGINE,
          new ByteArrayInputStream(new byte[0]), out, err);
      List<List<String>> completions = new ArrayList<>();
      Typed recording = new Typed(typed.lines.toArray(String[]::new)) {
        @Override
        public String readLine(String prompt) {
          String line = super.readLine(prompt);
          if (line != null && line.startsWith("print(c.request")) {
            completions.add(completer.apply("c.request('Say"));
            completions.add(completer.apply("c.req"));
            completions.add(completer.apply("StatusC"));
          }
          return line;
        }
      };
      int status = scripts.interact(recording, "9.9");
      assertEquals(3, status);
      assertTrue(recording.shown.toString().startsWith("pygrpc 9.9 on GraalPy"),
          recording.shown.toString());
      // A compound statement asks for more lines; Ctrl-C drops the half-typed one.
      assertTrue(recording.shown.toString().endsWith(
          ">>> >>> >>> ... >>> >>> ... KeyboardInterrupt\n>>> >>> "), recording.shown.toString());
      String printed = out.toString(StandardCharsets.UTF_8);
      assertTrue(printed.endsWith("0\n1\nHello, repl!\n"), printed);
      assertEquals(List.of(List.of("SayHello"),
          List.of("c.request("), List.of("StatusCode(")), completions);
      assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
  }
}
