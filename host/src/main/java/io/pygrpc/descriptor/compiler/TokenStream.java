package io.pygrpc.descriptor.compiler;

import java.util.List;

/**
 * The tokens of one {@code .proto} file, read front to back, with the small readers the parsers
 * share (identifiers, numbers, type names) and errors at a token.
 */
final class TokenStream {
  private final String fileName;
  private final List<Token> tokens;
  private int next;

  TokenStream(String fileName, String source) {
    this.fileName = fileName;
    this.tokens = ProtoLexer.tokenize(fileName, source);
  }

  /**
   * Whether a {@code { ... }} body goes on: false (the closing brace taken) at its end.
   *
   * @throws ProtoSyntaxError when the file ends first
   */
  boolean inBlock(String what) {
    Token t = peek();
    if (t.is("}")) {
      take();
      return false;
    }
    if (t.kind() == Token.Kind.EOF) {
      throw error(t, "reached end of input in " + what + " (missing '}')");
    }
    return true;
  }

  /** The token {@code n} after the next one (at most the end). */
  Token peekAhead(int n) {
    return tokens.get(Math.min(next + n, tokens.size() - 1));
  }

  int fieldNumber() {
    expect("=");
    Token at = peek();
    int number = integer("field number");
    if (number < 1 || number > ProtoParser.MAX_FIELD_NUMBER) {
      throw error(at, "field numbers must be between 1 and " + ProtoParser.MAX_FIELD_NUMBER);
    }
    return number;
  }

  int integer(String what) {
    Token t = take();
    if (t.kind() != Token.Kind.INT) {
      throw error(t, "expected " + what + ", got " + t.shown());
    }
    long value = ProtoValues.parseInteger(t.text(), () -> error(t, "integer out of range"));
    if (value > Integer.MAX_VALUE) {
      throw error(t, "integer out of range");
    }
    return (int) value;
  }

  int signedInteger(String what) {
    boolean negative = tryTake("-");
    Token t = take();
    if (t.kind() != Token.Kind.INT) {
      throw error(t, "expected " + what + ", got " + t.shown());
    }
    long value = ProtoValues.parseInteger(t.text(), () -> error(t, "integer out of range"));
    long signed = negative ? -value : value;
    if (signed < Integer.MIN_VALUE || signed > Integer.MAX_VALUE) {
      throw error(t, "integer out of range");
    }
    return (int) signed;
  }

  String typeName() {
    StringBuilder name = new StringBuilder();
    if (tryTake(".")) {
      name.append('.');
    }
    name.append(ident("type name"));
    while (tryTake(".")) {
      name.append('.').append(ident("type name"));
    }
    return name.toString();
  }

  String fullIdent() {
    StringBuilder name = new StringBuilder(ident("identifier"));
    while (tryTake(".")) {
      name.append('.').append(ident("identifier"));
    }
    return name.toString();
  }

  String ident(String what) {
    Token t = take();
    if (t.kind() != Token.Kind.IDENT) {
      throw error(t, "expected " + what + ", got " + t.shown());
    }
    return t.text();
  }

  Token expectKind(Token.Kind kind, String what) {
    Token t = take();
    if (t.kind() != kind) {
      throw error(t, "expected " + what + ", got " + t.shown());
    }
    return t;
  }

  void expect(String symbol) {
    Token t = take();
    if (!t.is(symbol)) {
      throw error(t, "expected \"" + symbol + "\", got " + t.shown());
    }
  }

  boolean tryTake(String symbol) {
    if (peek().is(symbol)) {
      next++;
      return true;
    }
    return false;
  }

  Token peek() {
    return tokens.get(next);
  }

  Token take() {
    Token t = tokens.get(next);
    if (t.kind() != Token.Kind.EOF) {
      next++;
    }
    return t;
  }

  ProtoSyntaxError error(Token at, String message) {
    return new ProtoSyntaxError(fileName, at.line(), at.column(), message);
  }

  int takeMax() {
    take();
    return ProtoParser.MAX_FIELD_NUMBER;
  }

  int takeMaxInt() {
    take();
    return Integer.MAX_VALUE;
  }
}
