package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pygrpc.demo.DemoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What running a script and importing pygrpc load: not {@code os}, whose import (with abc and
 * _collections_abc) cost a cold hello-world 0.1–0.2 s, and the path helper standing in for it.
 */
class PackageImportTest {
  static DemoServer server;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    server = DemoServer.start(0, DemoServer.Reflection.V1);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aScriptImportingPygrpc_doesNotLoadOs() {
    ScriptHarness.Result result = ScriptHarness.run(dir, server, """
        import sys
        from pygrpc import Client
        client = Client('127.0.0.1', int(sys.argv[1]))
        client.load()
        print(client.request('SayHello', name='x').message,
              [m for m in ('os', 'abc', '_collections_abc') if m in sys.modules])
        """);
    assertEquals("Hello, x! []\n", result.out(), result.err());
  }

  @Test
  void dirname_givesWhatPosixpathGives() {
    ScriptHarness.Result result = ScriptHarness.run(dir, server, """
        import posixpath
        from pygrpc._paths import dirname
        cases = ['', '/', '//', '///', 'a', 'a/', '/a', '/a/', '//a', 'a/b', '/a/b/',
                 '///x//y', 'x//y//', '/a/b/c.py', 'a/./b', '/a/../b/c']
        print(len(cases), [c for c in cases if dirname(c) != posixpath.dirname(c)])
        """);
    assertEquals("16 []\n", result.out(), result.err());
  }
}
