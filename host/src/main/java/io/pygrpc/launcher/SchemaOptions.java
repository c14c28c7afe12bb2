package io.pygrpc.launcher;

import io.grpc.Channel;
import io.pygrpc.descriptor.DescriptorSources;
import io.pygrpc.descriptor.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where {@code list} and {@code describe} take the schema from; reflection when none is named. */
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

  /** Runs {@code action} on the schema of {@code target}, with a channel open meanwhile. */
  <T> T with(String target, java.util.function.Function<Schema, T> action) {
    io.grpc.ManagedChannel channel = io.pygrpc.call.Channels.open(target);
    try {
      return action.apply(load(channel));
    } finally {
      io.pygrpc.call.Channels.close(channel);
    }
  }

  /** The schema: the named files, or the server's reflection service. */
  Schema load(Channel channel) {
    Schema schema = new Schema();
    if (protos.isEmpty() && protosets.isEmpty()) {
      schema.add(DescriptorSources.fromReflection(schema, channel));
      return schema;
    }
    for (Path protoset : protosets) {
      schema.add(DescriptorSources.fromDescriptorSet(schema, protoset));
    }
    if (!protos.isEmpty()) {
      List<Path> paths = importPaths.isEmpty() ? List.of(Path.of(".")) : importPaths;
      schema.add(DescriptorSources.fromProtoFiles(schema, paths, protos));
    }
    return schema;
  }
}
