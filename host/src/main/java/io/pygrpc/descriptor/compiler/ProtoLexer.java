package io.pygrpc.descriptor.compiler;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code .proto} source into tokens, skipping white space and comments. String literals
 * are decoded here (C escapes, adjacent literals stay separate tokens for the parser to join).
 */
final class ProtoLexer {
  private final String file;
  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private ProtoLexer(String file, String text) {
    this.file = file;
    this.text = text;
  }

  /** All tokens of the source, ending with an {@code EOF} token. */
  static List<Token> tokenize(String file, String text) {
    return new ProtoLexer(file, text).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipBlank();
      int column = pos - lineStart + 1;
      if (pos >= text.length()) {
        tokens.add(new Token(Token.Kind.EOF, "", line, column));
        return tokens;
      }
      char c = text.charAt(pos);
      if (Character.isLetter(c) || c == '_') {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
            || text.charAt(pos) == '_')) {
          pos++;
        }
        tokens.add(new Token(Token.Kind.IDENT, text.substring(start, pos), line, column));
      } else if (Character.isDigit(c) || c == '.' && pos + 1 < text.length()
          && Character.isDigit(text.charAt(pos + 1))) {
        tokens.add(number(column));
      } else if (c == '"' || c == '\'') {
        tokens.add(new Token(Token.Kind.STRING, string(c, column), line, column));
      } else {
        pos++;
        tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), line, column));
      }
    }
  }

  private Token number(int column) {
    int start = pos;
    boolean isFloat = false;
    if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
      pos += 2;
      while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
        pos++;
      }
    } else {
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        isFloat = true;
        pos++;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
      }
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        isFloat = true;
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          pos++;
        }
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
        if (digits == pos) {
          throw error(column, "\"e\" must be followed by exponent");
        }
      }
      if (pos < text.length() && (text.charAt(pos) == 'f' || text.charAt(pos) == 'F')) {
        isFloat = true;
        pos++;
      }
    }
    if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
      throw error(column, "need space between number and identifier");
    }
    return new Token(isFloat ? Token.Kind.FLOAT : Token.Kind.INT, text.substring(start, pos), line,
        column);
  }

  /** Decodes a quoted literal into its bytes, carried as latin-1 characters. */
  private String string(char quote, int column) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pos++;
    while (true) {
      if (pos >= text.length() || text.charAt(pos) == '\n') {
        throw error(column, "string literals cannot cross line boundaries");
      }
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        return out.toString(StandardCharsets.ISO_8859_1);
      }
      if (c != '\\') {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && pos + 1 < text.length()) {
          bytes = text.substring(pos, pos + 2).getBytes(StandardCharsets.UTF_8);
          pos++;
        }
        out.writeBytes(bytes);
        pos++;
        continue;
      }
      pos++;
      if (pos >= text.length()) {
        throw error(column, "string literals cannot cross line boundaries");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> out.write('\n');
        case 't' -> out.write('\t');
        case 'r' -> out.write('\r');
        case 'a' -> out.write(7);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'v' -> out.write(11);
        case '\\', '\'', '"', '?' -> out.write(e);
        case 'x', 'X' -> {
          int value = 0;
          int digits = 0;
          while (digits < 2 && pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
            value = value * 16 + Character.digit(text.charAt(pos++), 16);
            digits++;
          }
          if (digits == 0) {
            throw error(pos - lineStart, "expected hex digits for escape sequence");
          }
          out.write(value);
        }
        case 'u', 'U' -> {
          int digits = e == 'u' ? 4 : 8;
          if (pos + digits > text.length()) {
            throw error(pos - lineStart, "expected " + digits + " hex digits for escape sequence");
          }
          int codePoint = Integer.parseInt(text.substring(pos, pos + digits), 16);
          pos += digits;
          out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        }
        default -> {
          if (e >= '0' && e <= '7') {
            int value = e - '0';
            for (int i = 0; i < 2 && pos < text.length() && text.charAt(pos) >= '0'
                && text.charAt(pos) <= '7'; i++) {
              value = value * 8 + (text.charAt(pos++) - '0');
            }
            out.write(value & 0xFF);
          } else {
            throw error(pos - lineStart, "invalid escape sequence in string literal");
          }
        }
      }
    }
  }

  private void skipBlank() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("//", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int column = pos - lineStart + 1;
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error(column, "end-of-file inside block comment");
        }
        for (int i = pos; i < end; i++) {
          if (text.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private ProtoSyntaxError error(int column, String message) {
    return new ProtoSyntaxError(file, line, column, message);
  }
}
