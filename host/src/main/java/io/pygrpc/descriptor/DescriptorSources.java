package io.pygrpc.descriptor;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.grpc.Channel;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Creates {@link DescriptorSource}s, one kind per schema form users have.
 *
 * @since 0.3.0
 */
public final class DescriptorSources {
  /** The forms a schema can be loaded from. */
  public enum Form {
    /** protoc's Python output, {@code name_pb2.py} (or {@code name_pb2_grpc.py}). */
    PB2,
    /** A {@code FileDescriptorSet}: protoc {@code --descriptor_set_out}, {@code buf build}. */
    DESCRIPTOR_SET,
    /** {@code .proto} source files. */
    PROTO;

    /**
     * The form named by a user ({@code "pb2"}, {@code "descriptor_set"}, {@code "proto"}), or
     * guessed from the file name when {@code kind} is null.
     *
     * @throws PygrpcException when the kind is unknown or the name does not tell
     */
    public static Form of(String spec, String kind) {
      if (kind != null) {
        return switch (kind.toLowerCase(Locale.ROOT).replace('-', '_')) {
          case "pb2", "python", "module" -> PB2;
          case "descriptor_set", "protoset", "descriptorset", "image" -> DESCRIPTOR_SET;
          case "proto" -> PROTO;
          default -> throw new PygrpcException(Kind.VALUE, "kind: \"" + kind
              + "\" (expected: \"pb2\", \"proto\" or \"descriptor_set\")");
        };
      }
      String lower = spec.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".proto")) {
        return PROTO;
      }
      for (String ending : List.of(".protoset", ".pb", ".desc", ".bin", ".binpb", ".dsc")) {
        if (lower.endsWith(ending)) {
          return DESCRIPTOR_SET;
        }
      }
      if (lower.endsWith(".py") || !lower.contains("/") && !lower.contains("\\")
          && !lower.contains(".") || lower.matches("[\\w.]+_pb2(_grpc)?")) {
        return PB2;
      }
      throw new PygrpcException(Kind.VALUE, "cannot tell what kind of schema \"" + spec
          + "\" is; name it with kind=\"pb2\", \"proto\" or \"descriptor_set\"");
    }
  }

  private DescriptorSources() {}

  /** A {@code _pb2} module by dotted name or path, found on {@code roots} like an import. */
  public static DescriptorSource fromPb2(Schema schema, List<Path> roots, String module) {
    List<FileDescriptor> files = new Pb2Loader(schema, roots).load(module);
    return new FileSetSource(files, "module " + module);
  }

  /** A descriptor set file. */
  public static DescriptorSource fromDescriptorSet(Schema schema, Path path) {
    return DescriptorSetLoader.load(requireNonNull(path, "path"), schema);
  }

  /** The reflection service of the server behind {@code channel}, asked lazily. */
  public static DescriptorSource fromReflection(Schema schema, Channel channel) {
    requireNonNull(schema, "schema");
    return new ReflectionSource(requireNonNull(channel, "channel"),
        name -> DescriptorSetLoader.known(schema, name));
  }

  /**
   * {@code .proto} files, compiled on the JVM (no protoc needed). Files are paths or names on
   * the import paths; imports are searched on the import paths.
   */
  public static DescriptorSource fromProtoFiles(Schema schema, List<Path> importPaths,
      List<String> files) {
    List<FileDescriptor> compiled = new io.pygrpc.descriptor.compiler.ProtoCompiler(importPaths,
        name -> DescriptorSetLoader.known(schema, name)).compile(files);
    return new FileSetSource(compiled, "proto files " + String.join(", ", files));
  }

  /** Descriptors the JVM already has, e.g. {@code HelloWorldProto.getDescriptor()}. */
  public static DescriptorSource fromFiles(List<FileDescriptor> files) {
    return new FileSetSource(requireNonNull(files, "files"), "JVM descriptors");
  }
}
