package io.pygrpc.launcher;

import io.pygrpc.demo.DemoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pygrpc demo}: the built-in demo server, alone or around one script run. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Starts the built-in demo server (helloworld.Greeter, pygrpc.demo.Echo, server "
        + "reflection) on 127.0.0.1.",
        "With a SCRIPT, runs it against the server, stops the server and exits with the "
            + "script's status; without one, serves until interrupted."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = {"-p", "--port"}, defaultValue = "50051", paramLabel = "PORT",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT",
      description = "A script to run against the server.")
  Path script;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script; "
      + "{port} in one stands for the port the server listens on.")
  List<String> args = new ArrayList<>();

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "The --port option takes 0-65535, got " + port + ".");
    }
    try (DemoServer server = DemoServer.start(port)) {
      if (script != null) {
        List<String> scriptArgs = args.stream()
            .map(a -> a.replace("{port}", Integer.toString(server.port()))).toList();
        return main.runScript(script, scriptArgs,
            message -> new picocli.CommandLine.ParameterException(spec.commandLine(), message));
      }
      spec.commandLine().getErr().println("pygrpc demo server listening on 127.0.0.1:"
          + server.port() + " (Ctrl-C to stop)");
      server.awaitTermination();
      return 0;
    }
  }
}
