package io.pygrpc.call;

import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a client key belongs to its certificate when the client is made. Without it a
 * mismatch only shows at the handshake, as a bare UNAVAILABLE from the server's side.
 */
final class KeyPairCheck {
  private static final Pattern PKCS8 = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([^-]+)-----END PRIVATE KEY-----");
  private static final Pattern PKCS1_RSA = Pattern.compile(
      "-----BEGIN RSA PRIVATE KEY-----([^-]+)-----END RSA PRIVATE KEY-----");

  private KeyPairCheck() {}

  /** Throws naming both options when the key cannot sign for the certificate's public key. */
  static void requireMatch(byte[] certPem, byte[] keyPem) {
    PrivateKey key = privateKey(new String(keyPem, StandardCharsets.US_ASCII));
    if (key == null) {
      return; // a form Java cannot read alone (encrypted, SEC1 EC): grpc-java's parser decides
    }
    PublicKey publicKey;
    try {
      publicKey = ((X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(certPem))).getPublicKey();
    } catch (GeneralSecurityException e) {
      return; // already reported by the certificate check
    }
    if (!publicKey.getAlgorithm().equals(key.getAlgorithm()) || !signs(key, publicKey)) {
      throw new PygrpcException(Kind.VALUE, "key does not match cert: the private key is not "
          + "the one for the certificate's public key (" + publicKey.getAlgorithm() + ")");
    }
  }

  private static boolean signs(PrivateKey key, PublicKey publicKey) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "EdDSA", "Ed25519", "Ed448" -> key.getAlgorithm();
      default -> null;
    };
    if (algorithm == null) {
      return true; // no way to tell here; the handshake will
    }
    try {
      byte[] probe = "pygrpc key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PrivateKey privateKey(String pem) {
    Matcher pkcs8 = PKCS8.matcher(pem);
    if (pkcs8.find()) {
      byte[] der = decode(pkcs8.group(1));
      for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
          // not this algorithm; try the next
        }
      }
      return null;
    }
    Matcher pkcs1 = PKCS1_RSA.matcher(pem);
    if (pkcs1.find()) {
      try {
        return KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(wrapRsa(decode(pkcs1.group(1)))));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  private static byte[] decode(String base64) {
    return Base64.getMimeDecoder().decode(base64.trim());
  }

  /** PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo, which is what KeyFactory reads. */
  private static byte[] wrapRsa(byte[] pkcs1) {
    byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octets = der(0x04, pkcs1);
    byte[] body = new byte[version.length + algorithm.length + octets.length];
    System.arraycopy(version, 0, body, 0, version.length);
    System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
    System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
    return der(0x30, body);
  }

  private static byte[] der(int tag, byte[] content) {
    int length = content.length;
    byte[] header;
    if (length < 0x80) {
      header = new byte[] {(byte) tag, (byte) length};
    } else if (length < 0x100) {
      header = new byte[] {(byte) tag, (byte) 0x81, (byte) length};
    } else if (length < 0x10000) {
      header = new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
    } else {
      header = new byte[] {(byte) tag, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8),
          (byte) length};
    }
    byte[] out = new byte[header.length + length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(content, 0, out, header.length, length);
    return out;
  }
}
