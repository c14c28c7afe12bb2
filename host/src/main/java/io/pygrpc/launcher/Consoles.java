package io.pygrpc.launcher;

/** Whether this process runs at a terminal: for the launcher and the warm daemon's client. */
final class Consoles {
  private Consoles() {}

  /** Whether stdin is a terminal: the prompt opens, and bulk calls show their progress. */
  static boolean stdinIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try { // JDK 22+: a console may exist without a terminal behind it
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
