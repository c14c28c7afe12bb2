package io.pygrpc.call;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Logs each call as it ends, one line on the given stream (the launcher's {@code -v}):
 * {@code pygrpc: helloworld.Greeter/SayHello OK 1.3 ms}, with the status message when it is not
 * OK. Metadata is never logged: it may hold credentials.
 *
 * @since 0.4.0
 */
public final class CallLog implements ClientInterceptor {
  private final OutputStream log;

  public CallLog(OutputStream log) {
    this.log = log;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method,
      CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        long started = System.nanoTime();
        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(
            listener) {
          @Override
          public void onClose(Status status, Metadata trailers) {
            write(method.getFullMethodName(), status, System.nanoTime() - started);
            super.onClose(status, trailers);
          }
        }, headers);
      }
    };
  }

  private void write(String method, Status status, long nanos) {
    String line = String.format(Locale.ROOT, "pygrpc: %s %s %.1f ms%s%n", method,
        status.getCode(), nanos / 1e6,
        status.isOk() || status.getDescription() == null ? "" : ": " + status.getDescription());
    try {
      synchronized (log) {
        log.write(line.getBytes(StandardCharsets.UTF_8));
        log.flush();
      }
    } catch (IOException e) {
      // nowhere to log: the call itself is unaffected
    }
  }
}
