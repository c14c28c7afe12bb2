package io.pygrpc.launcher;

import io.pygrpc.descriptor.Schema;
import java.util.List;

/** Short service names on the command line ({@code Greeter} for {@code helloworld.Greeter}). */
final class SchemaNames {
  private SchemaNames() {}

  /** The full name of the one service the name can mean, or the name as given. */
  static String service(Schema schema, String name) {
    List<String> all = schema.serviceNames();
    if (all.contains(name)) {
      return name;
    }
    List<String> matches = all.stream().filter(s -> s.endsWith("." + name)).toList();
    return matches.size() == 1 ? matches.get(0) : name;
  }
}
