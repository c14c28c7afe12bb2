package io.pygrpc.call;

import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * pygrpc's own Netty event loops for TCP channels (and the demo server), instead of grpc-java's
 * shared ones, so that
 * the launcher can stop them before the JVM exits: HotSpot waits up to 300 ms at exit for
 * threads blocked in native code, and an idle event loop sits in epoll_wait — a third of a
 * short script's run time.
 *
 * @since 0.4.0
 */
public final class EventLoops {
  private static volatile EventLoopGroup group;

  private EventLoops() {}

  /** Puts a Netty channel builder on pygrpc's event loops (epoll where available). */
  static void use(NettyChannelBuilder builder) {
    EventLoopGroup loops = group();
    builder.eventLoopGroup(loops).channelType(Epoll.isAvailable() ? EpollSocketChannel.class
        : NioSocketChannel.class);
  }

  /** Puts a Netty server (the demo server) on the same event loops. */
  public static void use(io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder builder) {
    EventLoopGroup loops = group();
    builder.bossEventLoopGroup(loops).workerEventLoopGroup(loops).channelType(Epoll.isAvailable()
        ? io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel.class
        : io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel.class);
  }

  private static EventLoopGroup group() {
    EventLoopGroup loops = group;
    if (loops == null) {
      synchronized (EventLoops.class) {
        loops = group;
        if (loops == null) {
          // Two loops carry any script's connections; daemon threads never hold the JVM up.
          loops = new MultiThreadIoEventLoopGroup(2,
              new DefaultThreadFactory("pygrpc-netty", true),
              Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
          group = loops;
        }
      }
    }
    return loops;
  }

  /**
   * Stops the event loops (after the channels are closed), waiting briefly: call it just before
   * the process exits. Channels opened after it fail; it is for the end of a process.
   */
  public static void shutdown() {
    EventLoopGroup loops = group;
    if (loops != null) {
      loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(500);
    }
  }
}
