package io.pygrpc.launcher;

import io.pygrpc.PygrpcException;
import io.pygrpc.RpcException;
import picocli.CommandLine;

/**
 * Prints a failure that escaped a command as one line, without a Java stack trace, and picks the
 * exit status: 2 for usage errors, 64 + status code for an RPC failure (grpcurl's convention),
 * 1 otherwise.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
  static final int STATUS_CODE_OFFSET = 64;

  @Override
  public int handleExecutionException(Exception e, CommandLine line,
      CommandLine.ParseResult parseResult) {
    return report(e, line.getErr());
  }

  /** Prints the failure to {@code err} and gives the exit status; runs without picocli too. */
  static int report(Exception e, java.io.PrintWriter err) {
    err.println("pygrpc: " + e.getMessage());
    if (e instanceof RpcException rpc) {
      return STATUS_CODE_OFFSET + rpc.code().value();
    }
    if (e instanceof PygrpcException) {
      return CommandLine.ExitCode.USAGE;
    }
    return CommandLine.ExitCode.SOFTWARE;
  }
}
