package io.pygrpc.guest;

import java.util.List;
import java.util.function.Function;

/**
 * Where the interactive prompt reads lines: a terminal with line editing and history in the
 * launcher, a plain stream in tests.
 *
 * @since 0.4.0
 */
public interface Prompt {
  /** Ctrl-C at the prompt: forget the line being typed. */
  final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Interrupted() {
      super("interrupted", null, false, false);
    }
  }

  /**
   * The next line, without its line break; null at the end of input (Ctrl-D).
   *
   * @throws Interrupted on Ctrl-C
   */
  String readLine(String prompt);

  /** Shows text (the banner). */
  void print(String text);

  /**
   * Installs what completes the text before the cursor; called once before the first line.
   * The default ignores it (no completion).
   */
  default void complete(Function<String, List<String>> completer) {
  }
}
