package io.pygrpc.launcher;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pygrpc describe TARGET SYMBOL}: a service, method, message or enum as .proto text. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = {"Describes a service, method, message or enum as .proto-like text (the shape "
        + "grpcurl prints); without SYMBOL, every service.",
        "The schema comes from the server's reflection service unless --proto or --protoset "
            + "names files."})
final class DescribeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TARGET", description = "host:port of the server.")
  String target;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SYMBOL",
      description = "A service, method, message or enum, by full or short name.")
  String symbol;

  @Mixin
  SchemaOptions schemaOptions;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return schemaOptions.with(target, schema -> {
      PrintWriter out = spec.commandLine().getOut();
      if (symbol == null) {
        for (String name : schema.serviceNames()) {
          out.print(schema.describe(name));
        }
      } else {
        String text = schema.describe(symbol);
        // grpcurl shows a method alone; the messages come with `describe MESSAGE`.
        out.print(text.contains(" is a method:\n") ? text.substring(0, text.indexOf("\n\n") + 1)
            : text);
      }
      out.flush();
      return 0;
    });
  }
}
