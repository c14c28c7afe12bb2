package io.pygrpc.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonLiteralTest {

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "b'abc'                 | 61 62 63",
      "b\"abc\"               | 61 62 63",
      "'\\x00\\xff\\x7F'      | 00 ff 7f",
      "b'\\n\\t\\r\\\\'       | 0a 09 0d 5c",
      "b'\\'\\\"'             | 27 22",
      "'\\033\\0\\1234'       | 1b 00 53 34",
      "b'\\a\\b\\f\\v'        | 07 08 0c 0b",
      "b'\\q'                 | 5c 71",
      "b'a' b'b'              | 61 62",
      "_b_('x')               | 78",
      "b'''a'b'''             | 61 27 62",
      "rb'\\x00'              | 5c 78 30 30",
      "'\\u00e9'              | e9",
  })
  void read_literalForms_giveBytes(String literal, String hex) {
    String source = literal.startsWith("_b_(") ? literal.substring(4) : literal;
    byte[] expected = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
    assertArrayEquals(expected, PythonLiteral.read(source, 0));
  }

  @org.junit.jupiter.api.Test
  void read_formatterSplitLiteral_joinsPartsAcrossCommentsAndContinuations() {
    String source = "(\n    b\"\\n\\x10hello\"  # first part\n    b'world' \\\n  b\"!\"\n)";
    assertArrayEquals("\n\u0010helloworld!".getBytes(StandardCharsets.ISO_8859_1),
        PythonLiteral.read(source, 1));
  }

  @org.junit.jupiter.api.Test
  void read_latin1StrThroughB_keepsHighCharacters() {
    assertArrayEquals(bytes(0xe9, 0x41), PythonLiteral.read("'\u00e9A'", 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "b'abc                | unterminated string literal opened at line 1, column 1",
      "b'ab\\x4'            | bad hex escape at line 1, column 5",
      "b'\\x4               | truncated \\x escape at line 1, column 3",
      "x = 1                | expected a string literal at line 1, column 1",
      "'\u0100'             | character U+100 is not latin-1 at line 1, column 2",
  })
  void read_malformed_failsWithPosition(String source, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PythonLiteral.read(source, 0));
    assertEquals(message, e.getMessage());
  }
}
