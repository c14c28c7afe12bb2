package io.pygrpc.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a protoc-generated Python module tells without being run: the serialized
 * {@code FileDescriptorProto} embedded in it, and the other {@code _pb2} modules it imports.
 *
 * <p>Every protoc generation embeds the descriptor as one literal: {@code serialized_pb=_b('...')}
 * (2015–2016), {@code serialized_pb=b'...'} (3.x to 3.19) or {@code AddSerializedFile(b'...')}
 * (3.20 and later). A {@code _pb2_grpc} module embeds none and imports its {@code _pb2}.
 *
 * @param descriptor the serialized descriptor, or {@code null} when the module holds none
 * @param imports the {@code _pb2} modules the source imports, in order
 */
record Pb2Module(byte[] descriptor, List<Import> imports) {

  /**
   * An import of another generated module.
   *
   * @param level leading dots of a relative import; 0 for an absolute one
   * @param module the dotted module name after the dots, ending in {@code _pb2}
   */
  record Import(int level, String module) {}

  private static final Pattern DESCRIPTOR_START =
      Pattern.compile("serialized_pb\\s*=\\s*(?:_b\\s*\\()?|AddSerializedFile\\s*\\(");
  private static final Pattern FROM_IMPORT =
      Pattern.compile("(?m)^[ \\t]*from[ \\t]+(\\.*)([\\w.]*)[ \\t]+import[ \\t]+(\\w+_pb2)\\b");
  private static final Pattern PLAIN_IMPORT =
      Pattern.compile("(?m)^[ \\t]*import[ \\t]+([\\w.]*_pb2)\\b");

  /**
   * Reads a module's source.
   *
   * @throws IllegalArgumentException when the descriptor literal is malformed
   */
  static Pb2Module parse(String source) {
    byte[] descriptor = null;
    Matcher m = DESCRIPTOR_START.matcher(source);
    if (m.find()) {
      descriptor = PythonLiteral.read(source, m.end());
    }
    List<Import> imports = new ArrayList<>();
    Matcher from = FROM_IMPORT.matcher(source);
    while (from.find()) {
      String pkg = from.group(2);
      String module = pkg.isEmpty() ? from.group(3) : pkg + "." + from.group(3);
      imports.add(new Import(from.group(1).length(), module));
    }
    Matcher plain = PLAIN_IMPORT.matcher(source);
    while (plain.find()) {
      imports.add(new Import(0, plain.group(1)));
    }
    return new Pb2Module(descriptor, List.copyOf(imports));
  }
}
