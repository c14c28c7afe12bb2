package io.pygrpc.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's arguments read without picocli where that is safe: picocli reads its
 * annotations (each a proxy class made at run time) when a command line is built, 90–140 ms
 * of a cold script run. A run of a script or of {@code -c}, with only {@code -I/--proto-path}
 * and {@code -v/--verbose} before it, is read here; anything else (a subcommand, help, a
 * repeated or unknown option, {@code --}) is left to picocli, with only the subcommand it
 * names, so that its answers and errors stay what picocli makes of them.
 */
record LaunchArgs(List<Path> protoPath, boolean verbose, String code, String first,
    List<String> rest) {

  /** The subcommands, in the order help lists them. */
  static final List<String> SUBCOMMANDS = List.of("demo", "list", "describe", "help", "call");

  /** The launcher's options whose value is the next argument. */
  private static final List<String> WITH_VALUE = List.of("-I", "--proto-path", "-c");

  /** The arguments as a script or {@code -c} run, or null when they are picocli's to read. */
  static LaunchArgs read(String[] args) {
    try {
      return readPaths(args);
    } catch (java.nio.file.InvalidPathException e) {
      return null; // picocli reports the folder it cannot take
    }
  }

  private static LaunchArgs readPaths(String[] args) {
    List<Path> protoPath = new ArrayList<>();
    boolean verbose = false;
    String code = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-") || arg.equals("-")) {
        if (SUBCOMMANDS.contains(arg)) {
          return null;
        }
        return new LaunchArgs(protoPath, verbose, code, arg,
            List.of(args).subList(i + 1, args.length));
      }
      if ((arg.equals("-I") || arg.equals("--proto-path")) && i + 1 < args.length) {
        protoPath.add(Path.of(args[++i]));
      } else if (arg.startsWith("--proto-path=")) {
        protoPath.add(Path.of(arg.substring("--proto-path=".length())));
      } else if (arg.startsWith("-I") && arg.length() > 2 && arg.charAt(2) != '=') {
        protoPath.add(Path.of(arg.substring(2)));
      } else if ((arg.equals("-v") || arg.equals("--verbose")) && !verbose) {
        verbose = true;
      } else if (arg.equals("-c") && code == null && i + 1 < args.length) {
        code = args[++i];
      } else {
        return null; // help, version, --, a cluster, a repeat, a typo: picocli's
      }
    }
    return new LaunchArgs(protoPath, verbose, code, null, List.of());
  }

  /** The one subcommand {@code args} name (picocli builds only it), or all of them. */
  static List<String> subcommands(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (WITH_VALUE.contains(arg)) {
        i++;
      } else if (!arg.startsWith("-")) {
        return SUBCOMMANDS.contains(arg) && !arg.equals("help") ? List.of(arg) : SUBCOMMANDS;
      }
    }
    return SUBCOMMANDS;
  }
}
