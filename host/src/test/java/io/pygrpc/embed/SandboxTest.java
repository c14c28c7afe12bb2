package io.pygrpc.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pygrpc.demo.DemoServer;
import io.pygrpc.guest.Engines;
import io.pygrpc.guest.GuestLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape attempts from an embedded script, in Python and JavaScript, each refused with an error
 * that says what was refused; runaway scripts stopped at the time limit, the session still
 * usable after.
 */
class SandboxTest {
  static DemoServer server;
  static PygrpcRuntime runtime;
  // The escape probes run under a limit they never reach: a cold import of os or socket on a
  // busy machine took longer than the runaways' 1 s. The runaways run the same hooks under it.
  static ScriptSession python;
  static ScriptSession js;
  static ScriptSession pythonClocked;
  static ScriptSession jsClocked;
  @TempDir
  static Path roots;

  static final Sandbox SANDBOX = Sandbox.builder().timeLimit(Duration.ofSeconds(1)).build();
  static final Sandbox PATIENT = Sandbox.builder().timeLimit(Duration.ofSeconds(60)).build();

  @BeforeAll
  static void start() throws Exception {
    server = DemoServer.start(0);
    runtime = PygrpcRuntime.on(Engines.shared());
    python = pythonHooks(PATIENT);
    pythonClocked = pythonHooks(SANDBOX);
    js = jsHooks(PATIENT);
    jsClocked = jsHooks(SANDBOX);
  }

  private static ScriptSession pythonHooks(Sandbox sandbox) {
    return runtime.session(GuestLanguage.PYTHON).sandbox(sandbox)
        .value("PORT", server.port()).source("hooks.py", """
            def attempt(f):
                try:
                    return 'ok ' + repr(f())
                except Exception as e:
                    return type(e).__name__ + ': ' + str(e)
            def java_class():
                import java
                return java.type('java.lang.Runtime')
            def read_passwd():
                return open('/etc/passwd').read()
            def write_file():
                return open('/tmp/pygrpc-sandbox-escape', 'w').write('x')
            def run_process():
                import subprocess
                return subprocess.run(['/bin/sh', '-c', 'id'])
            def os_system():
                import os
                return os.system('id')
            def use_ctypes():
                import ctypes
                return ctypes.CDLL(None)
            def raw_socket():
                import socket
                socket.create_connection(('127.0.0.1', PORT))
            def start_thread():
                import threading
                threading.Thread(target=print).start()
            def connect_elsewhere():
                from pygrpc import Client
                Client('127.0.0.1', PORT).load()
            def probe(name):
                return attempt(globals()[name])
            def spin():
                while True:
                    pass
            def huge():
                return attempt(lambda: len(' ' * (1 << 40)))
            def grow():
                hoard = []
                while True:
                    hoard.append(' ' * 1024)
            def fine():
                return 'still here'
            """).build();
  }

  private static ScriptSession jsHooks(Sandbox sandbox) {
    return runtime.session(GuestLanguage.JAVASCRIPT).sandbox(sandbox)
        .value("PORT", server.port()).source("hooks.js", """
            function attempt(f) {
              try { return 'ok ' + f(); } catch (e) { return e.name + ': ' + e.message; }
            }
            const probes = {
              javaClass: () => Java.type('java.lang.Runtime'),
              loadFile: () => load('/etc/passwd'),
              otherLanguage: () => Polyglot.eval('python', '1'),
              connectElsewhere: () => new Client('127.0.0.1', PORT).load(),
              exit: () => process.exit(1),
            };
            function probe(name) { return attempt(probes[name]); }
            function spin() { for (;;) {} }
            function huge() { return attempt(() => 'x'.repeat(2 ** 31).length); }
            function fine() { return 'still here'; }
            """).build();
  }

  @AfterAll
  static void stop() {
    for (ScriptSession session : new ScriptSession[] {python, js, pythonClocked, jsClocked}) {
      session.close();
    }
    runtime.close();
    server.close();
  }

  @Test
  void python_escapesTheScriptCanCatch_raiseClearErrors() {
    assertEquals("KeyError: 'host symbol java.lang.Runtime is not defined or access has been "
        + "denied'", python.call("probe", "java_class"));
    assertEquals("PermissionError: [Errno 1] Operation not permitted: '/etc/passwd'",
        python.call("probe", "read_passwd"));
    assertEquals("PermissionError: [Errno 1] Operation not permitted: "
        + "'/tmp/pygrpc-sandbox-escape'", python.call("probe", "write_file"));
    // The sandbox hides the executable before process creation is even refused.
    assertEquals("FileNotFoundError: [Errno 2] No such file or directory: '/bin/sh'",
        python.call("probe", "run_process"));
    assertTrue(((String) python.call("probe", "use_ctypes")).startsWith("ImportError: "));
    assertEquals("PermissionError: target \"127.0.0.1:" + server.port() + "\" is not allowed "
        + "here; this host allows no direct connections",
        python.call("probe", "connect_elsewhere"));
    assertTrue(!Files.exists(Path.of("/tmp/pygrpc-sandbox-escape")));
  }

  @Test
  void python_escapesRefusedBelowTheScript_failTheCallAsDenied() {
    for (String probe : new String[] {"os_system", "start_thread", "raw_socket"}) {
      ScriptException e = assertThrows(ScriptException.class, () -> python.call("probe", probe));
      assertEquals(ScriptException.Reason.DENIED, e.reason(), e.getMessage());
      assertTrue(e.getMessage().startsWith("hooks.py: probe() tried something its sandbox does "
          + "not allow: "), e.getMessage());
      assertTrue(!e.getMessage().contains("\n\tat "), e.getMessage());
    }
    assertEquals("still here", python.call("fine"));
  }

  @Test
  void javascript_escapesRaiseClearErrors() {
    assertEquals("TypeError: Access to host class java.lang.Runtime is not allowed or does not "
        + "exist.", js.call("probe", "javaClass"));
    assertEquals("Error: Operation is not allowed for: /etc/passwd", js.call("probe", "loadFile"));
    assertTrue(((String) js.call("probe", "otherLanguage")).startsWith("Error: No language for "
        + "id python found"));
    assertEquals("PermissionError: target \"127.0.0.1:" + server.port() + "\" is not allowed "
        + "here; this host allows no direct connections", js.call("probe", "connectElsewhere"));
    assertEquals("Error: process.exit is not available to an embedded script",
        js.call("probe", "exit"));
  }

  @Test
  void runawayLoops_stopAtTheLimit_andTheNextCallWorks() {
    for (ScriptSession session : new ScriptSession[] {pythonClocked, jsClocked}) {
      long start = System.nanoTime();
      ScriptException e = assertThrows(ScriptException.class, () -> session.call("spin"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(ScriptException.Reason.TIME_LIMIT, e.reason());
      assertTrue(e.getMessage().endsWith("spin() ran past its time limit of 1 s and was stopped"),
          e.getMessage());
      assertTrue(millis >= 1000 && millis < 4000, "stopped after " + millis + " ms");
      assertTrue(session.isUsable());
      assertEquals("still here", session.call("fine"));
    }
  }

  @Test
  void memoryBombs_failInsideTheLimits_andTheHostCarriesOn() {
    // A string of 2^40 characters cannot exist on the JVM: refused before anything is allocated.
    assertEquals("OverflowError: cannot fit 'int' into an index-sized integer",
        python.call("huge"));
    assertTrue(((String) js.call("huge")).startsWith("RangeError: "), js.call("huge").toString());
    // A slow hoarder is stopped by the clock long before the heap is at risk.
    ScriptException e = assertThrows(ScriptException.class, () -> pythonClocked.call("grow"));
    assertEquals(ScriptException.Reason.TIME_LIMIT, e.reason());
    assertEquals("still here", pythonClocked.call("fine"));
  }
}
