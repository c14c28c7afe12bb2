package io.pygrpc.descriptor.compiler;

/**
 * The value of an option or default as written: an identifier, a number (with its sign), a
 * string (decoded bytes as latin-1 characters) or an aggregate {@code { ... }} in text format.
 *
 * @param kind the token kind the value was written as ({@code SYMBOL} for an aggregate)
 * @param text the identifier, number without its sign, string content or aggregate text
 * @param negative whether a minus sign came first
 * @param at where the value starts, for errors
 */
record OptionValue(Token.Kind kind, String text, boolean negative, Token at) {
  boolean isAggregate() {
    return kind == Token.Kind.SYMBOL;
  }
}
