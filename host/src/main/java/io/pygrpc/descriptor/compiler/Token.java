package io.pygrpc.descriptor.compiler;

/**
 * One token of a {@code .proto} file.
 *
 * @param kind what sort of token
 * @param text the token as written (for strings: the decoded bytes as latin-1 characters)
 * @param line 1-based line
 * @param column 1-based column
 */
record Token(Kind kind, String text, int line, int column) {
  enum Kind { IDENT, INT, FLOAT, STRING, SYMBOL, EOF }

  boolean is(String symbolOrWord) {
    return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbolOrWord);
  }

  /** How an error message shows the token. */
  String shown() {
    return switch (kind) {
      case EOF -> "end of file";
      case STRING -> "string";
      default -> "\"" + text + "\"";
    };
  }
}
