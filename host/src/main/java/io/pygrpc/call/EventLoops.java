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
 * <p>Client channels share one loop of their own: a unary call can then be started by a task on
 * the very loop its connection lives on ({@link LoopStartedChannel}), one wake-up of that thread
 * instead of one for each of the call's start, message, half-close and request.
 *
 * @since 0.4.0
 */
public final class EventLoops {
  private static volatile EventLoopGroup group;
  private static volatile EventLoopGroup clientGroup;
  /** The channels built on the client loop (weakly: closed channels are simply dropped). */
  private static final java.util.Map<io.grpc.Channel, Boolean> ON_CLIENT_LOOP =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private EventLoops() {}

  /** Puts a Netty channel builder on pygrpc's event loops (epoll where available). */
  static void use(NettyChannelBuilder builder) {
    builder.eventLoopGroup(clientGroup()).channelType(Epoll.isAvailable()
        ? EpollSocketChannel.class : NioSocketChannel.class);
  }

  /** Notes that {@code channel} was built by a builder given to {@link #use(NettyChannelBuilder)}. */
  static void onClientLoop(io.grpc.Channel channel) {
    ON_CLIENT_LOOP.put(channel, Boolean.TRUE);
  }

  /** The loop every connection of {@code channel} lives on, or null when it is not pygrpc's. */
  static java.util.concurrent.Executor clientLoopOf(io.grpc.Channel channel) {
    return ON_CLIENT_LOOP.containsKey(channel) ? clientGroup().next() : null;
  }

  /** Puts a Netty server (the demo server) on pygrpc's event loops: two of its own. */
  public static void use(io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder builder) {
    EventLoopGroup loops = group();
    builder.bossEventLoopGroup(loops).workerEventLoopGroup(loops).channelType(Epoll.isAvailable()
        ? io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel.class
        : io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel.class);
  }

  private static EventLoopGroup clientGroup() {
    EventLoopGroup loop = clientGroup;
    return loop != null ? loop : made(true);
  }

  private static EventLoopGroup group() {
    EventLoopGroup loops = group;
    return loops != null ? loops : made(false);
  }

  /** Makes the client loop or the server's loops on first use; daemon threads, as they idle. */
  private static synchronized EventLoopGroup made(boolean client) {
    if (client && clientGroup == null) {
      // One loop: every connection on it, so a call started there needs no hand-off; one
      // Netty loop carries tens of thousands of calls a second, more than a script makes.
      // It polls while unary replies are due (see SpinningSelect).
      clientGroup = new MultiThreadIoEventLoopGroup(1,
          new DefaultThreadFactory("pygrpc-netty-client", true), Epoll.isAvailable()
              ? EpollIoHandler.newFactory(0, SpinningSelect::new)
              : NioIoHandler.newFactory(java.nio.channels.spi.SelectorProvider.provider(),
                  SpinningSelect::new));
    } else if (!client && group == null) {
      group = newGroup(2, "pygrpc-netty"); // the demo server's
    }
    return client ? clientGroup : group;
  }

  private static EventLoopGroup newGroup(int threads, String name) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true),
        Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
  }

  /**
   * Stops the event loops (after the channels are closed), waiting briefly: call it just before
   * the process exits. Channels opened after it fail; it is for the end of a process.
   */
  public static void shutdown() {
    for (EventLoopGroup loops : new EventLoopGroup[] {clientGroup, group}) {
      if (loops != null) {
        loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(500);
      }
    }
  }
}
