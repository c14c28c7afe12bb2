package io.pygrpc.call;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pygrpc.PygrpcException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The key/cert match check on grpc-java's test certificates, in PKCS#8 and PKCS#1 forms. */
class KeyPairCheckTest {
  private static byte[] cert(String name) throws IOException {
    try (InputStream in = KeyPairCheckTest.class.getResourceAsStream("/certs/" + name)) {
      return in.readAllBytes();
    }
  }

  /** The same RSA key as "BEGIN RSA PRIVATE KEY": PKCS#8's inner octet string. */
  private static byte[] pkcs1(byte[] pkcs8Pem) {
    String pem = new String(pkcs8Pem, StandardCharsets.US_ASCII);
    String body = pem.replaceAll("-----[A-Z ]+-----", "");
    byte[] der = Base64.getMimeDecoder().decode(body.trim());
    // 30 82 LL LL | 02 01 00 | 30 0d <rsaEncryption> 05 00 | 04 82 LL LL <PKCS#1>
    byte[] inner = Arrays.copyOfRange(der, 26, der.length);
    return ("-----BEGIN RSA PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(inner)
        + "\n-----END RSA PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void matchingPair_passes_inBothKeyForms() throws IOException {
    assertDoesNotThrow(() -> KeyPairCheck.requireMatch(cert("client.pem"), cert("client.key")));
    assertDoesNotThrow(() -> KeyPairCheck.requireMatch(cert("client.pem"),
        pkcs1(cert("client.key"))));
  }

  @Test
  void someoneElsesKey_isRefused_inBothKeyForms() throws IOException {
    byte[] client = cert("client.pem");
    PygrpcException pkcs8 = assertThrows(PygrpcException.class,
        () -> KeyPairCheck.requireMatch(client, cert("server1.key")));
    assertEquals("key does not match cert: the private key is not the one for the "
        + "certificate's public key (RSA)", pkcs8.getMessage());
    assertThrows(PygrpcException.class,
        () -> KeyPairCheck.requireMatch(client, pkcs1(cert("server1.key"))));
  }

  @Test
  void keyOfAnotherAlgorithm_isRefused() throws IOException {
    assertThrows(PygrpcException.class,
        () -> KeyPairCheck.requireMatch(cert("client.pem"), cert("ecdsa.key")));
  }
}
