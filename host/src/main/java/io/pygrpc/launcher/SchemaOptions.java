package io.pygrpc.launcher;

import io.grpc.Channel;
import io.pygrpc.descriptor.DescriptorSources;
import io.pygrpc.descriptor.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The channel and schema options of the one-shot subcommands ({@code list}, {@code describe},
 * {@code call}), spelled as grpcurl spells them; the schema is reflection when no file is named.
 */
final class SchemaOptions {
  @Option(names = "--proto", paramLabel = "FILE",
      description = "A .proto file to take the schema from instead of reflection; repeatable.")
  List<String> protos = new ArrayList<>();

  @Option(names = {"-I", "--import-path", "--proto-path"}, paramLabel = "DIR",
      description = "A folder .proto imports are searched in; repeatable.")
  List<Path> importPaths = new ArrayList<>();

  @Option(names = "--protoset", paramLabel = "FILE",
      description = "A descriptor set (protoc --descriptor_set_out, buf build) to take the "
          + "schema from instead of reflection; repeatable.")
  List<Path> protosets = new ArrayList<>();

  @Option(names = "--plaintext", description = "Use plaintext even for port 443.")
  boolean plaintext;

  @Option(names = "--tls", description = "Use TLS (the default for port 443).")
  boolean tls;

  @Option(names = "--cacert", paramLabel = "FILE",
      description = "PEM CA certificates to verify the server with, instead of the system's.")
  Path cacert;

  @Option(names = "--cert", paramLabel = "FILE",
      description = "PEM client certificate, for mutual TLS (with --key).")
  Path cert;

  @Option(names = "--key", paramLabel = "FILE", description = "PEM key of --cert.")
  Path key;

  @Option(names = "--authority", paramLabel = "NAME",
      description = "The name to verify the server's certificate against and send as authority.")
  String authority;

  @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
      description = "A header sent with every call, reflection included; repeatable.")
  List<String> headers = new ArrayList<>();

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * A file named on the command line, as the user means it: in their working folder, which in
   * a warm daemon is its client's, not the daemon's.
   */
  Path resolve(Path file) {
    return file == null ? null : inWorkingFolder(command, file);
  }

  /** {@link #resolve} for any subcommand of the launcher. */
  static Path inWorkingFolder(CommandSpec subcommand, Path file) {
    CommandSpec parent = subcommand.parent();
    return parent != null && parent.userObject() instanceof Main main ? main.env.resolve(file)
        : file;
  }

  /** Runs {@code action} on the schema of {@code target}, with a channel open meanwhile. */
  <T> T with(String target, java.util.function.Function<Schema, T> action) {
    return with(target, (schema, channel) -> action.apply(schema));
  }

  /** As {@link #with(String, java.util.function.Function)}, giving the channel too. */
  <T> T with(String target, java.util.function.BiFunction<Schema, Channel, T> action) {
    io.grpc.ManagedChannel channel = io.pygrpc.call.Channels.open(target,
        io.pygrpc.call.Channels.headers(headerPairs()), channelOptions());
    try {
      return action.apply(load(channel), channel);
    } finally {
      io.pygrpc.call.Channels.close(channel);
    }
  }

  private io.pygrpc.call.ChannelOptions channelOptions() {
    if (plaintext && (tls || cacert != null || cert != null)) {
      throw new io.pygrpc.PygrpcException(io.pygrpc.PygrpcException.Kind.VALUE, "--plaintext "
          + "does not go with --tls, --cacert or --cert");
    }
    return new io.pygrpc.call.ChannelOptions(plaintext ? Boolean.FALSE : tls ? Boolean.TRUE
        : null, read(cacert, "--cacert"), read(cert, "--cert"), read(key, "--key"), authority,
        false, null);
  }

  private byte[] read(Path file, String option) {
    if (file == null) {
      return null;
    }
    try {
      return java.nio.file.Files.readAllBytes(resolve(file));
    } catch (java.io.IOException e) {
      throw new io.pygrpc.PygrpcException(io.pygrpc.PygrpcException.Kind.VALUE, option + ": "
          + "cannot read \"" + file + "\": " + e.getMessage());
    }
  }

  private List<java.util.Map.Entry<String, Object>> headerPairs() {
    List<java.util.Map.Entry<String, Object>> pairs = new ArrayList<>();
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new io.pygrpc.PygrpcException(io.pygrpc.PygrpcException.Kind.VALUE, "-H \""
            + header + "\": expected 'name: value'");
      }
      pairs.add(java.util.Map.entry(header.substring(0, colon).trim(),
          header.substring(colon + 1).trim()));
    }
    return pairs;
  }

  /** The schema: the named files, or the server's reflection service. */
  Schema load(Channel channel) {
    Schema schema = new Schema();
    if (protos.isEmpty() && protosets.isEmpty()) {
      schema.add(DescriptorSources.fromReflection(schema, channel));
      return schema;
    }
    for (Path protoset : protosets) {
      schema.add(DescriptorSources.fromDescriptorSet(schema, resolve(protoset)));
    }
    if (!protos.isEmpty()) {
      List<Path> paths = (importPaths.isEmpty() ? List.of(Path.of(".")) : importPaths).stream()
          .map(this::resolve).toList();
      schema.add(DescriptorSources.fromProtoFiles(schema, paths, protos));
    }
    return schema;
  }
}
