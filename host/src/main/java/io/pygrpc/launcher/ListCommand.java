package io.pygrpc.launcher;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pygrpc list TARGET [SERVICE]}: services, or a service's methods, one per line. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"Lists the server's services, or the methods of one service, one full name "
        + "per line (as grpcurl does).",
        "The schema comes from the server's reflection service unless --proto or --protoset "
            + "names files."})
final class ListCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TARGET", description = "host:port of the server.")
  String target;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SERVICE",
      description = "A service whose methods to list.")
  String service;

  @Mixin
  SchemaOptions schemaOptions;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return schemaOptions.with(target, schema -> {
      PrintWriter out = spec.commandLine().getOut();
      if (service == null) {
        schema.serviceNames().forEach(out::println);
      } else {
        schema.service(service).getMethods()
            .forEach(m -> out.println(m.getFullName()));
      }
      out.flush();
      return 0;
    });
  }
}
