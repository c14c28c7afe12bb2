package io.pygrpc.call;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** grpc-java TLS credentials from {@link ChannelOptions}, with errors that name the option. */
final class TlsCredentials {
  private TlsCredentials() {}

  static ChannelCredentials of(ChannelOptions options) {
    TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
    if (options.insecureSkipVerify()) {
      builder.trustManager(InsecureTrustManagerFactory.INSTANCE.getTrustManagers());
    } else if (options.ca() != null) {
      requireCertificates("ca", options.ca());
      try {
        builder.trustManager(new ByteArrayInputStream(options.ca()));
      } catch (IOException | IllegalArgumentException e) {
        throw new PygrpcException(Kind.VALUE, "ca: not a PEM certificate (" + e.getMessage()
            + ")", e);
      }
    }
    if (options.cert() != null) {
      requireCertificates("cert", options.cert());
      KeyPairCheck.requireMatch(options.cert(), options.key());
      try {
        builder.keyManager(new ByteArrayInputStream(options.cert()),
            new ByteArrayInputStream(options.key()));
      } catch (IOException | IllegalArgumentException e) {
        throw new PygrpcException(Kind.VALUE, "cert/key: not a PEM certificate chain and its "
            + "private key (" + e.getMessage() + ")", e);
      }
    }
    return builder.build();
  }

  /** Fails now, naming the option, when the PEM holds no certificate (grpc-java would later). */
  private static void requireCertificates(String option, byte[] pem) {
    try {
      if (java.security.cert.CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem)).isEmpty()) {
        throw new PygrpcException(Kind.VALUE, option + ": no PEM certificate in it");
      }
    } catch (java.security.cert.CertificateException e) {
      throw new PygrpcException(Kind.VALUE, option + ": not a PEM certificate (" + e.getMessage()
          + ")", e);
    }
  }
}
