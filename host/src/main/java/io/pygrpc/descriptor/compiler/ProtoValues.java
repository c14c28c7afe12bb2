package io.pygrpc.descriptor.compiler;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.function.Supplier;

/** Numbers and strings of {@code .proto} source, read and written the way protoc does. */
final class ProtoValues {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(
      BigInteger.ONE);

  private ProtoValues() {}

  /**
   * An integer literal (decimal, {@code 0x} hex or {@code 0} octal) as an unsigned 64-bit value
   * held in a long (values above {@code Long.MAX_VALUE} wrap, as in C).
   */
  static long parseInteger(String text, Supplier<RuntimeException> outOfRange) {
    BigInteger value;
    if (text.startsWith("0x") || text.startsWith("0X")) {
      value = new BigInteger(text.substring(2), 16);
    } else if (text.length() > 1 && text.startsWith("0")) {
      value = new BigInteger(text.substring(1), 8);
    } else {
      value = new BigInteger(text);
    }
    if (value.compareTo(UINT64_MAX) > 0) {
      throw outOfRange.get();
    }
    return value.longValue();
  }

  /** Whether an unsigned literal (as parsed) is above {@code Long.MAX_VALUE}. */
  static boolean aboveLongMax(String text) {
    return parseInteger(text, () -> new IllegalArgumentException(text)) < 0;
  }

  /** A float literal, or an integer literal used as a float. */
  static double parseDouble(String text) {
    String t = text.endsWith("f") || text.endsWith("F") ? text.substring(0, text.length() - 1)
        : text;
    if (t.startsWith("0x") || t.startsWith("0X") || t.length() > 1 && t.startsWith("0")
        && t.chars().allMatch(Character::isDigit)) {
      return new BigInteger(Long.toUnsignedString(parseInteger(t, IllegalStateException::new)))
          .doubleValue();
    }
    return Double.parseDouble(t);
  }

  /**
   * A float option or default: a number (integer literals too), {@code inf} or {@code nan},
   * with its sign; null when the value is none of these.
   */
  static Double floatValue(OptionValue value) {
    double d;
    if (value.kind() == Token.Kind.IDENT && (value.text().equals("inf")
        || value.text().equals("nan"))) {
      d = value.text().equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN;
    } else if (value.kind() == Token.Kind.INT || value.kind() == Token.Kind.FLOAT) {
      d = parseDouble(value.text());
    } else {
      return null;
    }
    return value.negative() ? -d : d;
  }

  /** protoc's {@code SimpleDtoa}: the shortest of 15 or 17 significant digits that round-trips. */
  static String formatDouble(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    String shortest = cFormatG(value, 15);
    return Double.parseDouble(shortest) == value ? shortest : cFormatG(value, 17);
  }

  /** protoc's {@code SimpleFtoa}: 6 significant digits if they round-trip as float, else 9. */
  static String formatFloat(float value) {
    if (Float.isNaN(value)) {
      return "nan";
    }
    if (Float.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    String shortest = cFormatG(value, 6);
    return Float.parseFloat(shortest) == value ? shortest : cFormatG(value, 9);
  }

  /** C's {@code printf("%.{precision}g")}. */
  static String cFormatG(double value, int precision) {
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= precision) {
      BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
      String digits = mantissa.toPlainString();
      return digits + (exponent < 0 ? "e-" : "e+") + (Math.abs(exponent) < 10 ? "0" : "")
          + Math.abs(exponent);
    }
    String plain = rounded.toPlainString();
    if (plain.contains(".")) {
      plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return plain;
  }

  /** protoc's {@code CEscape} of bytes (given as latin-1 characters), for bytes defaults. */
  static String cEscape(String latin1) {
    StringBuilder out = new StringBuilder();
    for (char c : latin1.toCharArray()) {
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c >= 0x7F) {
            out.append(String.format("\\%03o", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
