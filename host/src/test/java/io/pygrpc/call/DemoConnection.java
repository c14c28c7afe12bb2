package io.pygrpc.call;

import io.grpc.ManagedChannel;
import io.pygrpc.demo.DemoServer;
import io.pygrpc.descriptor.Pb2Loader;
import io.pygrpc.descriptor.Schema;
import java.nio.file.Path;
import java.util.List;

/**
 * The call tests' fixture: the demo server on a free port of 127.0.0.1, pygrpc's own channel to
 * it, and a schema of the test pb2 modules named.
 */
record DemoConnection(DemoServer server, ManagedChannel channel, Schema schema)
    implements AutoCloseable {
  static DemoConnection start(String... pb2Modules) {
    Schema schema = new Schema();
    Pb2Loader loader = new Pb2Loader(schema, List.of(Path.of("src/test/resources/pb2/modern")));
    for (String module : pb2Modules) {
      loader.load(module).forEach(schema::add);
    }
    DemoServer server = DemoServer.start(0);
    return new DemoConnection(server, Channels.open("127.0.0.1:" + server.port()), schema);
  }

  @Override
  public void close() {
    Channels.close(channel);
    server.close();
  }
}
