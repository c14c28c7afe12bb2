package io.pygrpc.descriptor;

import java.io.ByteArrayOutputStream;

/**
 * Reads a Python string or bytes literal, and the literals implicitly concatenated with it, as
 * the bytes protoc meant.
 *
 * <p>Handles every form protoc's Python output has used: {@code b'...'}, {@code '...'} (a
 * latin-1 {@code str} passed through {@code _b()}), single or double quotes, triple quotes,
 * {@code \xNN}, octal {@code \NNN}, the named escapes, and literals split across lines by a
 * formatter with comments between them. The source is never executed.
 */
final class PythonLiteral {
  private final String text;
  private int pos;

  private PythonLiteral(String text, int pos) {
    this.text = text;
    this.pos = pos;
  }

  /**
   * Reads the literal (or run of adjacent literals) that starts at or after {@code start},
   * skipping white space, line continuations and comments before and between them.
   *
   * @throws IllegalArgumentException with a position-bearing reason when the text is not a
   *     well-formed literal
   */
  static byte[] read(String text, int start) {
    PythonLiteral reader = new PythonLiteral(text, start);
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 3);
    reader.skipBlank();
    if (!reader.atLiteral()) {
      throw new IllegalArgumentException("expected a string literal at " + reader.where());
    }
    while (reader.atLiteral()) {
      reader.readOne(out);
      reader.skipBlank();
    }
    return out.toByteArray();
  }

  private boolean atLiteral() {
    int p = pos;
    while (p < text.length() && "bBrRuU".indexOf(text.charAt(p)) >= 0 && p - pos < 2) {
      p++;
    }
    return p < text.length() && (text.charAt(p) == '\'' || text.charAt(p) == '"');
  }

  private void readOne(ByteArrayOutputStream out) {
    int open = pos;
    boolean raw = false;
    while ("bBrRuU".indexOf(text.charAt(pos)) >= 0) {
      raw |= Character.toLowerCase(text.charAt(pos)) == 'r';
      pos++;
    }
    char quote = text.charAt(pos);
    boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
    pos += triple ? 3 : 1;
    while (true) {
      if (pos >= text.length()) {
        throw new IllegalArgumentException("unterminated string literal opened at " + where(open));
      }
      char c = text.charAt(pos);
      if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
        pos += triple ? 3 : 1;
        return;
      }
      if (c == '\n' && !triple) {
        throw new IllegalArgumentException("unterminated string literal opened at " + where(open));
      }
      if (c == '\\' && !raw) {
        readEscape(out);
      } else {
        writeChar(out, c);
        pos++;
      }
    }
  }

  private void readEscape(ByteArrayOutputStream out) {
    int at = pos;
    pos++;
    if (pos >= text.length()) {
      throw new IllegalArgumentException("unterminated escape at " + where(at));
    }
    char c = text.charAt(pos++);
    switch (c) {
      case '\n' -> { } // a backslash-newline continues the literal on the next line
      case '\\', '\'', '"' -> out.write(c);
      case 'n' -> out.write('\n');
      case 't' -> out.write('\t');
      case 'r' -> out.write('\r');
      case 'a' -> out.write(7);
      case 'b' -> out.write('\b');
      case 'f' -> out.write('\f');
      case 'v' -> out.write(11);
      case 'x' -> out.write(hex(at, 2));
      case 'u' -> writeChar(out, (char) hex(at, 4));
      case 'U' -> writeChar(out, (char) hex(at, 8));
      default -> {
        if (c >= '0' && c <= '7') {
          int value = c - '0';
          for (int i = 0; i < 2 && pos < text.length() && isOctal(text.charAt(pos)); i++) {
            value = value * 8 + (text.charAt(pos++) - '0');
          }
          out.write(value & 0xFF);
        } else {
          // Python keeps unknown escapes as written.
          out.write('\\');
          writeChar(out, c);
        }
      }
    }
  }

  private int hex(int escapeStart, int digits) {
    if (pos + digits > text.length()) {
      throw new IllegalArgumentException("truncated \\x escape at " + where(escapeStart));
    }
    int value = 0;
    for (int i = 0; i < digits; i++) {
      int d = Character.digit(text.charAt(pos++), 16);
      if (d < 0) {
        throw new IllegalArgumentException("bad hex escape at " + where(escapeStart));
      }
      value = value * 16 + d;
    }
    return value;
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  /** A character of a latin-1 {@code str} literal, as {@code _b()} encodes it. */
  private void writeChar(ByteArrayOutputStream out, char c) {
    if (c > 0xFF) {
      throw new IllegalArgumentException(
          "character U+" + Integer.toHexString(c) + " is not latin-1 at " + where(pos));
    }
    out.write(c);
  }

  private void skipBlank() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
      } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
        pos += 2;
      } else if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private String where() {
    return where(pos);
  }

  /** "line L, column C" of an offset, 1-based as editors show it. */
  private String where(int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (offset - lineStart + 1);
  }
}
