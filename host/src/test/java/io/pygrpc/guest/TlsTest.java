package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pygrpc.demo.DemoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and mutual TLS on loopback with grpc-java's test certificates: the server's certificate
 * is for *.test.google.fr, so clients name it with server_name.
 */
class TlsTest {
  static DemoServer tls;
  static DemoServer mutual;
  @TempDir
  static Path dir;

  static byte[] cert(String name) throws IOException {
    try (InputStream in = TlsTest.class.getResourceAsStream("/certs/" + name)) {
      return in.readAllBytes();
    }
  }

  @BeforeAll
  static void start() throws IOException {
    for (String name : new String[] {"ca.pem", "client.pem", "client.key", "server1.key"}) {
      Files.write(dir.resolve(name), cert(name));
    }
    ScriptHarness.copyFixtures(dir);
    tls = DemoServer.startTls(0, cert("server1.pem"), cert("server1.key"), null);
    mutual = DemoServer.startTls(0, cert("server1.pem"), cert("server1.key"), cert("ca.pem"));
  }

  @AfterAll
  static void stop() {
    tls.close();
    mutual.close();
  }

  private static ScriptHarness.Result run(DemoServer server, String body) {
    return ScriptHarness.run(dir, server, """
        import os, sys
        from pygrpc import Client, RpcError
        port = int(sys.argv[1])
        here = os.path.dirname(os.path.abspath(__file__))
        def f(name):
            return os.path.join(here, name)
        def attempt(f):
            try:
                print('ok', f())
            except RpcError as e:
                print('RpcError', e.code())
            except Exception as e:
                print(type(e).__name__ + ':', e)
        def hello(**options):
            client = Client('127.0.0.1', port, **options)
            client.load('helloworld_pb2')
            return client.request('SayHello', name='tls', timeout=10).message
        """ + body);
  }

  @Test
  void tls_withPrivateCa_verifiesTheServer() {
    ScriptHarness.Result result = run(tls, """
        attempt(lambda: hello(ca=f('ca.pem'), server_name='foo.test.google.fr'))
        with open(f('ca.pem'), 'rb') as pem:
            attempt(lambda: hello(ca=pem.read(), server_name='x.test.google.fr'))
        attempt(lambda: hello(tls=True, server_name='foo.test.google.fr'))
        attempt(lambda: hello(ca=f('ca.pem'), server_name='wrong.example.com'))
        attempt(lambda: hello())
        try:
            hello(ca=f('ca.pem'), server_name='wrong.example.com')
        except RpcError as e:
            print(e.details())
        """);
    assertEquals("", result.err());
    assertEquals("""
        ok Hello, tls!
        ok Hello, tls!
        RpcError StatusCode.UNAVAILABLE
        RpcError StatusCode.UNAVAILABLE
        RpcError StatusCode.UNAVAILABLE
        No subject alternative DNS name matching wrong.example.com found. (connecting to \
        wrong.example.com)
        """, result.out());
  }

  @Test
  void insecureSkipVerify_connectsAndWarnsOnce() {
    ScriptHarness.Result result = run(tls, """
        attempt(lambda: hello(insecure_skip_verify=True))
        attempt(lambda: hello(insecure_skip_verify=True))
        """);
    assertEquals("ok Hello, tls!\nok Hello, tls!\n", result.out());
    // Warned once per process: the first test to use it sees the warning.
    assertEquals(result.err().isEmpty() ? "" : "pygrpc: warning: insecure_skip_verify=True: "
        + "server certificates are not checked; use it for testing only\n", result.err());
  }

  @Test
  void mutualTls_needsTheClientCertificate() {
    ScriptHarness.Result result = run(mutual, """
        attempt(lambda: hello(ca=f('ca.pem'), server_name='foo.test.google.fr'))
        attempt(lambda: hello(ca=f('ca.pem'), cert=f('client.pem'), key=f('client.key'),
                              server_name='foo.test.google.fr'))
        """);
    assertEquals("", result.err());
    assertEquals("RpcError StatusCode.UNAVAILABLE\nok Hello, tls!\n", result.out());
  }

  @Test
  void badTlsOptions_nameTheOption() {
    ScriptHarness.Result result = run(tls, """
        attempt(lambda: hello(ca='missing.pem'))
        attempt(lambda: hello(cert=f('client.pem')))
        attempt(lambda: hello(ca=b'not a certificate'))
        attempt(lambda: hello(tls=False, ca=f('ca.pem')))
        attempt(lambda: hello(ca=f('ca.pem'), cert=f('client.pem'), key=f('server1.key')))
        """);
    assertEquals("", result.err());
    assertEquals("""
        ValueError: ca: no file "missing.pem" (looked at %s)
        ValueError: cert and key go together: give both for mutual TLS (got only cert)
        ValueError: ca: not a PEM certificate (No certificate data found)
        ValueError: tls=False does not go with ca, cert, key, server_name or insecure_skip_verify
        ValueError: key does not match cert: the private key is not the one for the \
        certificate's public key (RSA)
        """.formatted(Path.of("missing.pem").toAbsolutePath()), result.out());
  }
}
