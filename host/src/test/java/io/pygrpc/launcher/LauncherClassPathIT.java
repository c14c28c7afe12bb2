package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pygrpc.launcher.WrapperIT.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class path (bin/build.sh): no signed jar on it, since the JDK's start-up cache
 * leaves out every class of one, and BouncyCastle's unsigned copies still serve GraalPy's ssl
 * module as a JCE provider.
 */
class LauncherClassPathIT {
  private static final Path TARGET = WrapperIT.REPO.resolve("host/target");

  @Test
  void launcherClassPath_holdsNoSignedJar() throws Exception {
    List<String> signed = new ArrayList<>();
    int jars = 0;
    for (String folder : List.of("lib", "lib-bc", "lib-extra")) {
      try (Stream<Path> files = Files.list(TARGET.resolve(folder))) {
        for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
          jars++;
          try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().anyMatch(e -> e.getName().matches("META-INF/[^/]+\\.SF"))) {
              signed.add(folder + "/" + jar.getFileName());
            }
          }
        }
      }
    }
    assertTrue(jars > 30, "only " + jars + " jars found in " + TARGET);
    assertEquals(List.of(), signed, "signed jars keep their classes out of the start-up cache");
  }

  /** An encrypted PKCS#8 key is decrypted by BouncyCastle's Cipher, through the JCE. */
  @Test
  void pythonSsl_loadsAnEncryptedKey_withTheUnsignedBouncyCastle(@TempDir Path dir)
      throws Exception {
    Files.write(dir.resolve("client.pem"), certificate("client.pem"));
    Files.writeString(dir.resolve("client-encrypted.key"), encrypted(certificate("client.key"),
        "secret"));
    Files.writeString(dir.resolve("ssl_key.py"), """
        import hashlib, ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.load_cert_chain('client.pem', 'client-encrypted.key', password='secret')
        print('key loaded')
        try:
            context.load_cert_chain('client.pem', 'client-encrypted.key', password='wrong')
        except ssl.SSLError:
            print('wrong password refused')
        print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1000).hex())
        """);
    Result result = WrapperIT.exec(Map.of("PYGRPC_DAEMON", "0"),
        List.of(WrapperIT.REPO.resolve("pygrpc").toString(), "ssl_key.py"),
        new java.io.File("/dev/null"), dir);
    assertEquals("", result.err());
    assertEquals("key loaded\nwrong password refused\n"
        // CPython's hashlib gives the same for these arguments
        + "0a38253555ce37f5c72a6b703f996814ebf241f203af146e93dcdeb031c5567e\n", result.out());
    assertEquals(0, result.status());
  }

  /** Oracle's JDK takes a JCE provider only when signed: it gets the published jars. */
  @Test
  void buildSh_commercialJdk_getsTheSignedBouncyCastle(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"25\"\nBUILD_TYPE=\"commercial\"\n");
    String script = "here=$PWD; PYGRPC_JAVA_HOME=\"$1\"; . bin/build.sh; "
        + "printf '%s\\n' \"$pygrpc_classpath\"";
    Result oracle = WrapperIT.exec(Map.of(), List.of("bash", "-c", script, "-", dir.toString()));
    Result open = WrapperIT.exec(Map.of(), List.of("bash", "-c", script, "-",
        System.getProperty("java.home")));
    String repo = WrapperIT.REPO.toString();
    assertEquals(repo + "/host/target/pygrpc-host.jar:" + repo + "/host/target/lib/*:" + repo
        + "/host/target/lib-signed/*:" + repo + "/host/target/lib-extra/*\n", oracle.out(),
        oracle.err());
    assertEquals(repo + "/host/target/pygrpc-host.jar:" + repo + "/host/target/lib/*:" + repo
        + "/host/target/lib-bc/*:" + repo + "/host/target/lib-extra/*\n", open.out(),
        open.err());
  }

  /**
   * A Python script or -c runs without lib-extra/ (GraalJS, JLine); everything else has it, at
   * the end, where the start-up cache made without it still serves.
   */
  @Test
  void pickClasspath_leavesGraalJsOutOfPythonRunsOnly() throws Exception {
    String script = "here=$PWD; . bin/find-java.sh; pygrpc_find_java; . bin/build.sh; "
        + ". bin/java-opts.sh; pygrpc_pick_classpath \"$@\"; printf '%s\\n' "
        + "\"$pygrpc_run_classpath\"";
    String repo = WrapperIT.REPO.toString();
    String python = repo + "/host/target/pygrpc-host.jar:" + repo + "/host/target/lib/*:" + repo
        + "/host/target/lib-bc/*\n";
    String all = python.strip() + ":" + repo + "/host/target/lib-extra/*\n";
    // PYGRPC_NO_AOT: sourcing java-opts.sh would otherwise make the start-up cache if stale.
    Map<String, String> env = Map.of("PYGRPC_NO_AOT", "1");
    for (List<String> args : List.of(List.of("s.py"), List.of("-v", "-I", "d", "s.py", "x.js"),
        List.of("-c", "pass"))) {
      List<String> command = new ArrayList<>(List.of("bash", "-c", script, "-"));
      command.addAll(args);
      assertEquals(python, WrapperIT.exec(env, command).out(), args.toString());
    }
    for (List<String> args : List.of(List.of("s.js"), List.of("route.mjs"),
        List.of("call", "h:1", "M"), List.of("demo", "s.py"), List.<String>of())) {
      List<String> command = new ArrayList<>(List.of("bash", "-c", script, "-"));
      command.addAll(args);
      assertEquals(all, WrapperIT.exec(env, command).out(), args.toString());
    }
  }

  private static byte[] certificate(String name) throws java.io.IOException {
    try (var in = LauncherClassPathIT.class.getResourceAsStream("/certs/" + name)) {
      return in.readAllBytes();
    }
  }

  /** A "BEGIN PRIVATE KEY" PEM as "BEGIN ENCRYPTED PRIVATE KEY" (PBES2, AES-128). */
  private static String encrypted(byte[] pem, String password) throws Exception {
    String body = new String(pem, java.nio.charset.StandardCharsets.US_ASCII)
        .replaceAll("-----[A-Z ]+-----", "");
    byte[] der = Base64.getMimeDecoder().decode(body);
    String algorithm = "PBEWithHmacSHA256AndAES_128";
    byte[] salt = new byte[16];
    byte[] iv = new byte[16];
    new SecureRandom().nextBytes(salt);
    new SecureRandom().nextBytes(iv);
    Cipher cipher = Cipher.getInstance(algorithm);
    cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
        .generateSecret(new PBEKeySpec(password.toCharArray())),
        new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
    // Named PBES2, the OID the encoding takes, rather than by the cipher's name.
    java.security.AlgorithmParameters pbes2 = java.security.AlgorithmParameters
        .getInstance("PBES2");
    pbes2.init(cipher.getParameters().getEncoded());
    byte[] info = new EncryptedPrivateKeyInfo(pbes2, cipher.doFinal(der)).getEncoded();
    return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(info)
        + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
  }
}
