package io.pygrpc.launcher;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot take: what is wrong, the command's one-line synopsis and where
 * the rest is, as python and the GNU tools say it, instead of the whole help under the error.
 * Exit status 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    err.println("pygrpc: " + e.getMessage());
    if (e instanceof UnmatchedArgumentException unmatched) {
      UnmatchedArgumentException.printSuggestions(unmatched, err); // "Did you mean: ...?"
    }
    CommandLine.Help help = line.getHelp();
    err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
    err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more "
        + "information.");
    err.flush();
    return line.getCommandSpec().exitCodeOnInvalidInput();
  }
}
