package io.pygrpc.launcher;

import java.util.List;
import picocli.CommandLine;

/**
 * The launcher's picocli command line: help, subcommands and every argument list that
 * {@link LaunchArgs} leaves to picocli. Apart from {@link Main} so that Main's own signatures
 * name no picocli type (see {@link Main#runScript}).
 */
final class CommandLines {
  private CommandLines() {}

  /** The command line for {@code main} with only the subcommands named. */
  static CommandLine of(Main main, List<String> subcommands) {
    CommandLine line = new CommandLine(main);
    for (String name : subcommands) { // before the settings, to get them
      line.addSubcommand(name, switch (name) {
        case "demo" -> new DemoCommand();
        case "list" -> new ListCommand();
        case "describe" -> new DescribeCommand();
        case "call" -> new CallCommand(main.in);
        case "help" -> new CommandLine.HelpCommand();
        default -> throw new IllegalArgumentException(name);
      });
    }
    // Everything after the script name belongs to the script, options included.
    line.setStopAtPositional(true);
    // "@file" is the script's or -d's business, not picocli's argument files.
    line.setExpandAtFiles(false);
    line.setOut(new java.io.PrintWriter(main.out, true));
    line.setErr(new java.io.PrintWriter(main.err, true));
    line.setExecutionExceptionHandler(new FailureHandler());
    line.setParameterExceptionHandler(new UsageErrors());
    // That setting reaches every subcommand; list, describe and call take options anywhere.
    for (String name : List.of("list", "describe", "call")) {
      CommandLine sub = line.getSubcommands().get(name);
      if (sub != null) {
        sub.setStopAtPositional(false);
      }
    }
    return line;
  }
}
