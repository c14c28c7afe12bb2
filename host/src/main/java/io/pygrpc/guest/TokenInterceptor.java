package io.pygrpc.guest;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import org.graalvm.polyglot.Value;

/**
 * Asks the script's token function for a token as each call starts (reflection included) and
 * sends it as {@code authorization: Bearer <token>}, for tokens that expire. Calls start on the
 * script's thread, so the function runs there. The token is never logged or shown in errors.
 */
final class TokenInterceptor implements ClientInterceptor {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Value token;

  TokenInterceptor(Value token) {
    this.token = token;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method,
      CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        Value value = token.execute(); // a failure here is the script's own exception
        if (!value.isString()) {
          throw new PygrpcException(Kind.TYPE, "token: the function must return a string, "
              + "returned a " + (value.getMetaObject() == null ? "value"
                  : value.getMetaObject().getMetaSimpleName()));
        }
        String text = value.asString();
        headers.put(AUTHORIZATION, text.regionMatches(true, 0, "Bearer ", 0, 7) ? text
            : "Bearer " + text);
        super.start(listener, headers);
      }
    };
  }
}
