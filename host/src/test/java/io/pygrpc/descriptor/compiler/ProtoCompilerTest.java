package io.pygrpc.descriptor.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.ExtensionRegistry;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java compiler against protoc: for every test proto, the descriptor must equal what
 * {@code protoc --descriptor_set_out} wrote (the committed set, made by tools/make-fixtures.sh).
 */
class ProtoCompilerTest {
  static final Path PROTOS = Path.of("../protos").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  static Map<String, FileDescriptorProto> protocOutput() throws IOException {
    Map<String, FileDescriptorProto> byName = new HashMap<>();
    FileDescriptorSet set = FileDescriptorSet.parseFrom(
        Files.readAllBytes(Path.of("src/test/resources/compiler.protoset")),
        ExtensionRegistry.getEmptyRegistry());
    set.getFileList().forEach(f -> byName.put(f.getName(), f));
    return byName;
  }

  static Stream<String> files() throws IOException {
    return protocOutput().keySet().stream().filter(n -> !n.startsWith("google/")).sorted();
  }

  private static FileDescriptor compile(Path root, String file) {
    return new ProtoCompiler(List.of(root), io.pygrpc.descriptor.WellKnown::file)
        .compile(List.of(file)).get(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void compile_testProto_equalsProtocOutput(String name) throws IOException {
    FileDescriptorProto expected = protocOutput().get(name);
    assertEquals(expected.toString(), compile(PROTOS, name).toProto().toString());
    assertEquals(expected, compile(PROTOS, name).toProto());
  }

  /** The same comparison against the protoc installed here (bin/test installs Debian's). */
  @Test
  void compile_everyTestProto_equalsTheInstalledProtoc() throws Exception {
    Path out = dir.resolve("live.protoset");
    List<String> names = files().toList();
    List<String> command = new ArrayList<>(List.of("protoc", "-I" + PROTOS, "--include_imports",
        "--descriptor_set_out=" + out));
    command.addAll(names);
    Process protoc;
    try {
      protoc = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      org.junit.jupiter.api.Assumptions.abort("protoc is not installed; bin/test installs "
          + "Debian's protobuf-compiler");
      return;
    }
    String log = new String(protoc.getInputStream().readAllBytes());
    assertEquals(0, protoc.waitFor(), log);
    FileDescriptorSet live = FileDescriptorSet.parseFrom(Files.readAllBytes(out));
    List<FileDescriptor> ours = new ProtoCompiler(List.of(PROTOS),
        io.pygrpc.descriptor.WellKnown::file).compile(names);
    for (FileDescriptorProto expected : live.getFileList()) {
      if (names.contains(expected.getName())) {
        assertEquals(expected, ours.get(names.indexOf(expected.getName())).toProto(),
            expected.getName());
      }
    }
  }

  @Test
  void compile_helloworldGivenAsPath_isNamedRelativeToItsImportPath() {
    FileDescriptor file = new ProtoCompiler(List.of(), io.pygrpc.descriptor.WellKnown::file)
        .compile(List.of(PROTOS.resolve("helloworld/helloworld.proto").toString())).get(0);
    assertEquals("helloworld.proto", file.getName());
    assertEquals("helloworld.Greeter", file.getServices().get(0).getFullName());
  }

  private PygrpcException failure(String source) throws IOException {
    Files.writeString(dir.resolve("bad.proto"), source);
    return assertThrows(PygrpcException.class, () -> compile(dir, "bad.proto"));
  }

  static Stream<List<String>> mistakes() {
    return Stream.of(
        List.of("syntax = \"proto3\";\nmessage A {\n  string name = 1\n}\n",
            "bad.proto:4:1: expected \";\", got \"}\""),
        List.of("syntax = \"proto3\";\nmessage A {\n  Missing m = 1;\n}\n",
            "bad.proto:3:3: \"Missing\" is not defined."),
        List.of("syntax = \"proto4\";\n",
            "bad.proto:1:10: unrecognized syntax identifier \"proto4\"; this parser only "
                + "recognizes \"proto2\" and \"proto3\""),
        List.of("syntax = \"proto3\";\nmessage A {\n  required int32 x = 1;\n}\n",
            "bad.proto:3:3: required fields are not allowed in proto3"),
        List.of("syntax = \"proto3\";\nmessage A { string s = 1; }\nmessage A { }\n",
            "bad.proto: A: \"A\" is already defined."),
        List.of("syntax = \"proto3\";\nmessage A {\n  string s = \"x;\n}\n",
            "bad.proto:3:14: string literals cannot cross line boundaries"),
        List.of("syntax = \"proto3\";\noption (nope) = 1;\n",
            "bad.proto:2:8: option \"(nope)\" unknown. Ensure that your proto definition file "
                + "imports the proto which defines the option."),
        List.of("syntax = \"proto3\";\nmessage A {\n  int32 x = 0;\n}\n",
            "bad.proto:3:13: field numbers must be between 1 and 536870911"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void compile_mistake_reportsFileLineColumn(List<String> sourceAndMessage) throws IOException {
    PygrpcException e = failure(sourceAndMessage.get(0));
    assertEquals(Kind.DESCRIPTOR, e.kind());
    assertEquals(sourceAndMessage.get(1), e.getMessage());
  }

  @Test
  void compile_missingImport_namesThePathsSearched() throws IOException {
    PygrpcException e = failure("syntax = \"proto3\";\nimport \"other/thing.proto\";\n");
    assertEquals(Kind.NOT_FOUND, e.kind());
    assertEquals("bad.proto:2:1: import \"other/thing.proto\" was not found; looked in: " + dir,
        e.getMessage());
  }

  @Test
  void compile_importCycle_isReported() throws IOException {
    Files.writeString(dir.resolve("a.proto"), "syntax = \"proto3\";\nimport \"b.proto\";\n");
    Files.writeString(dir.resolve("b.proto"), "syntax = \"proto3\";\nimport \"a.proto\";\n");
    PygrpcException e = assertThrows(PygrpcException.class, () -> compile(dir, "a.proto"));
    assertEquals("file recursively imports itself: a.proto -> b.proto -> a.proto",
        e.getMessage());
  }

  @Test
  void compile_missingFile_saysWhereItLooked() {
    PygrpcException e = assertThrows(PygrpcException.class, () -> compile(dir, "nope.proto"));
    assertEquals(Kind.NOT_FOUND, e.kind());
    assertEquals("no file \"nope.proto\"; looked at " + Path.of("nope.proto").toAbsolutePath()
        + " and in the import paths: " + dir, e.getMessage());
  }

  /** Every file of the set, compiled together, builds into one consistent pool. */
  @Test
  void compile_allTogether_sharesImports() throws IOException {
    List<String> names = new ArrayList<>(files().toList());
    List<FileDescriptor> all = new ProtoCompiler(List.of(PROTOS),
        io.pygrpc.descriptor.WellKnown::file).compile(names);
    FileDescriptor uses = all.get(names.indexOf("compiler/deep/uses.proto"));
    FileDescriptor p3 = all.get(names.indexOf("compiler/proto3.proto"));
    assertEquals(p3, uses.getDependencies().get(0));
  }

  /**
   * Editions files compile and their features take effect. Not compared with protoc: Debian's
   * protoc (3.21) predates editions.
   */
  @Test
  void compile_editions2023_appliesFeatures() throws IOException {
    Files.writeString(dir.resolve("ed.proto"), """
        edition = "2023";
        package ed;
        option features.field_presence = IMPLICIT;
        message M {
          string plain = 1;
          string tracked = 2 [features.field_presence = EXPLICIT];
          repeated int32 nums = 3;
        }
        """);
    FileDescriptor file = compile(dir, "ed.proto");
    assertEquals("editions", file.toProto().getSyntax());
    var m = file.findMessageTypeByName("M");
    assertEquals(false, m.findFieldByName("plain").hasPresence());
    assertEquals(true, m.findFieldByName("tracked").hasPresence());
    assertEquals(true, m.findFieldByName("nums").isPacked());
  }
}
