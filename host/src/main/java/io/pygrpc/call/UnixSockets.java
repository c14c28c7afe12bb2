package io.pygrpc.call;

/** Whether Netty's native epoll transport, which carries unix-socket targets, works here. */
final class UnixSockets {
  private UnixSockets() {}

  static boolean available() {
    try {
      return io.grpc.netty.shaded.io.netty.channel.epoll.Epoll.isAvailable();
    } catch (LinkageError e) {
      return false;
    }
  }
}
