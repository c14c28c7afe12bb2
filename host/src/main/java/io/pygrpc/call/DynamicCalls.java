package io.pygrpc.call;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.DynamicMessage;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.RpcException;
import java.util.function.Supplier;

/**
 * The call shapes over grpc-java, for dynamic messages. {@link #invoke} is the one place that
 * switches on the method's type; each shape also has its own entry point.
 *
 * @since 0.3.0
 */
public final class DynamicCalls {
  /**
   * Pulls request iterators for streaming calls, so a request generator may wait for responses
   * the caller is still to take. Daemon threads: an abandoned pump never keeps the JVM alive.
   */
  public static final java.util.concurrent.Executor REQUEST_PUMP =
      java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "pygrpc-requests");
        thread.setDaemon(true);
        return thread;
      });

  private DynamicCalls() {}

  /**
   * Starts a call of whatever shape the method has.
   *
   * @param single the request of a unary or server-streaming call (asked for only then)
   * @param many the requests of a client-streaming or bidi call (used only then)
   * @param pump where {@code many} is pulled, e.g. {@link #REQUEST_PUMP}; null for the
   *     caller's thread (single-threaded guests)
   * @return a {@link Reply} for unary and client streaming, a {@link StreamingCall} otherwise
   * @throws RpcException when a call that completes here ends with a non-OK status
   */
  public static Invocation invoke(Channel channel,
      MethodDescriptor<DynamicMessage, DynamicMessage> method, CallSettings settings,
      Supplier<DynamicMessage> single, RequestSource many, java.util.concurrent.Executor pump) {
    return switch (method.getType()) {
      case UNARY -> unary(channel, method, settings, single.get());
      case SERVER_STREAMING -> serverStreaming(channel, method, settings, single.get());
      case CLIENT_STREAMING -> clientStreaming(channel, method, settings, many, pump);
      case BIDI_STREAMING -> bidiStreaming(channel, method, settings, many, pump);
      case UNKNOWN -> throw new PygrpcException(Kind.VALUE, "\"" + method.getFullMethodName()
          + "\" has an unknown call shape");
    };
  }

  /**
   * Makes a unary call and waits for the reply.
   *
   * @throws RpcException when the call ends with a non-OK status
   */
  public static Reply unary(Channel channel,
      MethodDescriptor<DynamicMessage, DynamicMessage> method, CallSettings settings,
      DynamicMessage request) {
    requireNonNull(request, "request");
    // A listener of its own rather than ClientCalls.blockingUnaryCall: no interceptors to catch
    // the headers and trailers, no future machinery, callbacks on the transport's thread — the
    // same call for a few microseconds less, which a script's loop of calls feels.
    try {
      return PendingReply.start(channel, method, settings, request).get(null);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e); // no wait limit was given
    }
    // Anything else (a failing token callback, a bug) reaches the caller as it is.
  }

  /** Starts a server-streaming call; take the responses from the returned call. */
  public static StreamingCall serverStreaming(Channel channel,
      MethodDescriptor<DynamicMessage, DynamicMessage> method, CallSettings settings,
      DynamicMessage request) {
    requireNonNull(request, "request");
    StreamingCall call = new StreamingCall(channel.newCall(method, settings.options()), null,
        null, channel.authority());
    call.start(settings.callHeaders(), request);
    return call;
  }

  /**
   * Makes a client-streaming call: sends every request as the transport can take them, then
   * waits for the reply.
   *
   * @throws RpcException when the call ends with a non-OK status
   */
  public static Reply clientStreaming(Channel channel,
      MethodDescriptor<DynamicMessage, DynamicMessage> method, CallSettings settings,
      RequestSource requests, java.util.concurrent.Executor pump) {
    StreamingCall call = new StreamingCall(channel.newCall(method, settings.options()),
        requireNonNull(requests, "requests"), pump, channel.authority());
    call.start(settings.callHeaders(), null);
    return call.single();
  }

  /** Starts a bidi call; requests are pulled by {@code pump} (or in {@code next()} if null). */
  public static StreamingCall bidiStreaming(Channel channel,
      MethodDescriptor<DynamicMessage, DynamicMessage> method, CallSettings settings,
      RequestSource requests, java.util.concurrent.Executor pump) {
    StreamingCall call = new StreamingCall(channel.newCall(method, settings.options()),
        requireNonNull(requests, "requests"), pump, channel.authority());
    call.start(settings.callHeaders(), null);
    return call;
  }
}
