package io.pygrpc.descriptor.compiler;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads option statements ({@code option x = v;}) and bracketed options ({@code [x = v]}) into
 * {@link PendingOption}s, and the values of options and defaults.
 */
final class OptionSyntax {
  private final TokenStream in;
  private final List<PendingOption> options = new ArrayList<>();

  OptionSyntax(TokenStream in) {
    this.in = in;
  }

  /** Every option read so far, in source order. */
  List<PendingOption> options() {
    return options;
  }

  void optionStatement(OptionTarget target) {
    optionAssignment(target);
    in.expect(";");
  }

  void optionAssignment(OptionTarget target) {
    List<PendingOption.NamePart> name = new ArrayList<>();
    do {
      Token at = in.peek();
      if (in.tryTake("(")) {
        StringBuilder ext = new StringBuilder();
        if (in.tryTake(".")) {
          ext.append('.');
        }
        ext.append(in.ident("option name"));
        while (in.tryTake(".")) {
          ext.append('.').append(in.ident("option name"));
        }
        in.expect(")");
        name.add(new PendingOption.NamePart(ext.toString(), true, at));
      } else {
        name.add(new PendingOption.NamePart(in.ident("option name"), false, at));
      }
    } while (in.tryTake("."));
    in.expect("=");
    options.add(new PendingOption(target, List.copyOf(name), value()));
  }

  OptionValue value() {
    Token at = in.peek();
    if (at.is("{")) {
      return new OptionValue(Token.Kind.SYMBOL, aggregate(), false, at);
    }
    boolean negative = in.tryTake("-");
    Token t = in.take();
    switch (t.kind()) {
      case INT, FLOAT, IDENT -> {
        return new OptionValue(t.kind(), t.text(), negative, at);
      }
      case STRING -> {
        if (negative) {
          throw in.error(t, "expected number after \"-\"");
        }
        StringBuilder joined = new StringBuilder(t.text());
        while (in.peek().kind() == Token.Kind.STRING) {
          joined.append(in.take().text());
        }
        return new OptionValue(Token.Kind.STRING, joined.toString(), false, at);
      }
      default -> throw in.error(t, "expected option value, got " + t.shown());
    }
  }

  /** The text of a {@code { ... }} value, re-joined from its tokens for protobuf's text parser. */
  private String aggregate() {
    StringBuilder text = new StringBuilder();
    int depth = 0;
    do {
      Token t = in.take();
      if (t.kind() == Token.Kind.EOF) {
        throw in.error(t, "unexpected end of file in aggregate value");
      }
      if (t.is("{") || t.is("<")) {
        depth++;
      } else if (t.is("}") || t.is(">")) {
        depth--;
      }
      if (depth == 0 && t.is("}")) {
        break;
      }
      if (!(depth == 1 && t.is("{") && text.isEmpty())) {
        text.append(t.kind() == Token.Kind.STRING ? quote(t.text()) : t.text()).append(' ');
      }
    } while (true);
    return text.toString().trim();
  }

  private static String quote(String latin1) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : latin1.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      } else {
        out.append(String.format("\\%03o", (int) c));
      }
    }
    return out.append('"').toString();
  }

  static OptionTarget target(Descriptor type,
      Supplier<? extends Message> current,
      Consumer<Message> set, String scope) {
    return new OptionTarget(type, current::get, set, scope);
  }
}
