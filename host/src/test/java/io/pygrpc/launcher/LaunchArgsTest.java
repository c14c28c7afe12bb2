package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchArgsTest {
  private static LaunchArgs read(String... args) {
    return LaunchArgs.read(args);
  }

  @Test
  void aScript_withTheLauncherOptionsBeforeIt_isReadWithoutPicocli() {
    assertEquals(new LaunchArgs(List.of(Path.of("a"), Path.of("b"), Path.of("c"), Path.of("d")),
        true, null, "s.py", List.of("-v", "list", "--help")),
        read("-I", "a", "--proto-path", "b", "--proto-path=c", "-Id", "--verbose", "s.py", "-v",
            "list", "--help"));
    assertEquals(new LaunchArgs(List.of(), false, null, "s.py", List.of()), read("s.py"));
  }

  @Test
  void dashC_takesTheCode_andThePositionalsAfterItAreItsArgv() {
    assertEquals(new LaunchArgs(List.of(), true, "pass", "x", List.of("-y")),
        read("-c", "pass", "-v", "x", "-y"));
    assertEquals(new LaunchArgs(List.of(), false, "pass", null, List.of()), read("-c", "pass"));
  }

  @Test
  void noArguments_isTheRepl() {
    assertEquals(new LaunchArgs(List.of(), false, null, null, List.of()), read());
  }

  @Test
  void subcommandsHelpAndAnythingUnusual_areLeftToPicocli() {
    for (String[] args : List.of(new String[] {"call", "x:1", "M"}, new String[] {"-v", "list"},
        new String[] {"--help"}, new String[] {"-h"}, new String[] {"--version"},
        new String[] {"help"}, new String[] {"-v", "-v", "s.py"}, new String[] {"-vc", "x"},
        new String[] {"-c", "a", "-c", "b"}, new String[] {"--", "s.py"},
        new String[] {"-I"}, new String[] {"-c"}, new String[] {"-I=x", "s.py"},
        new String[] {"--stop-daemon"}, new String[] {"-ccode"},
        new String[] {"-I", "a\0b", "s.py"})) {
      assertNull(LaunchArgs.read(args), String.join(" ", args));
    }
  }

  @Test
  void picocliBuildsOnlyTheSubcommandNamed() {
    assertEquals(List.of("call"), LaunchArgs.subcommands(new String[] {"call", "x:1", "M"}));
    assertEquals(List.of("list"),
        LaunchArgs.subcommands(new String[] {"-v", "-I", "p", "list", "x"}));
    assertEquals(LaunchArgs.SUBCOMMANDS, LaunchArgs.subcommands(new String[] {"help", "call"}));
    assertEquals(LaunchArgs.SUBCOMMANDS, LaunchArgs.subcommands(new String[] {"--help"}));
    assertEquals(LaunchArgs.SUBCOMMANDS, LaunchArgs.subcommands(new String[] {"missing.py"}));
  }
}
