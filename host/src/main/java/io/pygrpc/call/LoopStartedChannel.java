package io.pygrpc.call;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import java.util.concurrent.Executor;

/**
 * A channel on pygrpc's client event loop whose unary calls {@link PendingReply} starts with one
 * task on that loop. Started from another thread, a call wakes the loop up to four times (its
 * headers, message, half-close and flow-control request each queue a task), and on a small
 * machine each wake-up costs as much CPU as converting the request. Only for channels whose
 * interceptors run no guest code: a task on the loop must never wait for a script's thread.
 *
 * @since 0.4.0
 */
public final class LoopStartedChannel extends Channel {
  private final Channel channel;
  private final Executor loop;

  private LoopStartedChannel(Channel channel, Executor loop) {
    this.channel = channel;
    this.loop = loop;
  }

  /**
   * The channel to make calls on: {@code channel} itself when it is not on pygrpc's client loop
   * (a unix socket, a channel the application made).
   */
  public static Channel of(Channel channel) {
    Executor loop = EventLoops.clientLoopOf(channel);
    return loop == null ? channel : new LoopStartedChannel(channel, loop);
  }

  /** The event loop the channel's connections live on. */
  Executor loop() {
    return loop;
  }

  @Override
  public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
    return channel.newCall(method, options);
  }

  @Override
  public String authority() {
    return channel.authority();
  }
}
