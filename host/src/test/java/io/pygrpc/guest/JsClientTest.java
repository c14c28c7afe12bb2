package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pygrpc.demo.DemoServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JavaScript scripts against the demo server: values, streams, errors, module forms. */
class JsClientTest {
  static DemoServer server;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws IOException {
    server = DemoServer.start(0);
    ScriptHarness.copyFixtures(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ScriptHarness.Result run(String body) {
    return ScriptHarness.runJs(dir, server, """
        const { Client, RpcError, StatusCode } = require('pygrpc');
        const client = new Client('127.0.0.1', Number(process.argv[2]));
        client.load('demo.echo_pb2');
        function attempt(f) {
          try {
            console.log('ok', f());
          } catch (e) {
            console.log(e.name + ':', e.message);
          }
        }
        """ + body, false);
  }

  @Test
  void values_followJavaScriptConventions() {
    ScriptHarness.Result result = run("""
        const r = client.request('Echo', {big: 2n ** 60n, count: 7, data: new Uint8Array([0, 255]),
            tags: ['x'], scores: {a: 1}, color: 'BLUE', ratio: 0.5});
        console.log(typeof r.big, r.big === 2n ** 60n, typeof r.count, r.count);
        console.log(r.data instanceof Uint8Array, Array.from(r.data).join(','));
        console.log(Array.isArray(r.tags), r.tags[0], r.scores.a, r.color, r.ratio);
        console.log(JSON.stringify(client.request('Echo', {big: 12}).big));
        console.log(r.where === null, 'name' in r, r.name === '');
        const again = client.request('Echo', r);
        console.log(again.big === r.big, again.color);
        const t = client.request('Echo', {at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)),
                                          wait: {seconds: 90, nanos: 5}, delta: -(2n ** 62n)});
        console.log(t.at instanceof Date, t.at.toISOString(), JSON.stringify(t.wait), t.delta);
        console.log(client.request('Echo', {}).at === null);
        """);
    assertEquals("", result.err());
    assertEquals("""
        bigint true number 7
        true 0,255
        true x 1 BLUE 0.5
        12
        true true true
        true BLUE
        true 2024-01-02T03:04:05.006Z {"seconds":90,"nanos":5} -4611686018427387904
        true
        """, result.out());
  }

  @Test
  void errors_areJavaScriptErrors_withCodeDetailsAndMetadata() {
    ScriptHarness.Result result = run("""
        try {
          client.request('Fail', {code: 5, message: 'gone'});
        } catch (e) {
          console.log(e instanceof Error, e instanceof RpcError, e.code === StatusCode.NOT_FOUND,
                      e.codeName, e.details, typeof e.metadata);
        }
        attempt(() => client.request('Echo', {nmae: 'x'}));
        attempt(() => client.request('Echo', {count: 'three'}));
        attempt(() => client.request('Nope'));
        attempt(() => new Client('127.0.0.1', 1, {tsl: true}));
        attempt(() => client.load('missing_pb2'));
        """);
    assertEquals("", result.err());
    String[] lines = result.out().split("\n");
    assertEquals("true true true NOT_FOUND gone object", lines[0]);
    assertTrue(lines[1].startsWith("LookupError: pygrpc.demo.Record: no field named \"nmae\" "
        + "(did you mean \"name\"?)"), lines[1]);
    assertEquals("TypeError: pygrpc.demo.Record.count: expected an integer (int32, "
        + "-2147483648 to 2147483647), got string \"three\"", lines[2]);
    assertTrue(lines[3].startsWith("LookupError: no method named \"Nope\""), lines[3]);
    assertTrue(lines[4].startsWith("TypeError: Client: unknown option \"tsl\""), lines[4]);
    assertTrue(lines[5].startsWith("ModuleNotFoundError: "), lines[5]);
  }

  @Test
  void streams_areIterators_andBreakingCancels() {
    ScriptHarness.Result result = ScriptHarness.runJs(dir, server, """
        import { Client } from 'pygrpc';
        const client = new Client(`127.0.0.1:${process.argv[2]}`);
        client.load('demo.route_pb2');
        let seen = 0;
        const ticks = client.request('Ticks', {count: 0});
        for (const t of ticks) {
          if (++seen === 3) break;           // an endless stream: leaving the loop cancels it
        }
        console.log(seen, ticks.code);
        const all = Array.from(client.request('ListFeatures', {lo: {x: 0, y: 0}, hi: {x: 0, y: 1}}));
        console.log(all.map((f) => f.name).join('|'));
        function* notes() { for (let i = 0; i < 2; i++) yield {message: 'n' + i}; }
        console.log(Array.from(client.request('RouteChat', notes()), (n) => n.message).join(','));
        console.log(client.request('RecordRoute', [{x: 0, y: 0}, {x: 3, y: 4}]).distance);
        try {
          client.request('RecordRoute', {x: 1});
        } catch (e) {
          console.log(e.name, e.message);
        }
        """, true);
    assertEquals("", result.err());
    assertEquals("""
        3 1
        feature at 0,0|feature at 0,1
        echo n0,echo n1
        7
        TypeError "pygrpc.demo.RouteGuide/RecordRoute" is a client-streaming method: pass an \
        iterable of requests (an array or a generator of objects), not one object of fields
        """, result.out());
  }

  @Test
  void mapAndFuture_inJavaScript() {
    ScriptHarness.Result result = ScriptHarness.runJs(dir, server, """
        import { Client, RpcError } from 'pygrpc';
        const client = new Client(`127.0.0.1:${process.argv[2]}`);
        client.load('demo.echo_pb2');
        const names = Array.from(client.map('Echo', [{name: 'a'}, {name: 'b'}, {name: 'c'}],
            {concurrency: 2}), (r) => r.name);
        console.log(names.join(','));
        // Requests are read in batches: what the generator throws comes after those before it.
        function* requests() {
          for (let i = 0; i < 5; i++) {
            yield {name: 'r' + i};
          }
          throw new Error('broke after 5');
        }
        const seen = [];
        const results = client.map('Echo', requests(), {concurrency: 8});
        for (;;) {
          let step;
          try {
            step = results.next();
          } catch (e) {
            seen.push(e.message);
            continue;
          }
          if (step.done) {
            break;
          }
          seen.push(step.value.name);
        }
        console.log(seen.join(' '));
        const mixed = Array.from(client.map('Fail', [{code: 5, message: 'x'}], {returnErrors: true}));
        console.log(mixed[0] instanceof RpcError, mixed[0].codeName);
        const f = client.future('Echo', {name: 'later'});
        console.log(f.result().name, f.done());
        console.log((await client.future('Echo', {name: 'awaited'})).name);
        try {
          await client.future('Fail', {code: 9, message: 'no'});
        } catch (e) {
          console.log(e.codeName, e.details);
        }
        """, true);
    assertEquals("", result.err());
    assertEquals("a,b,c\nr0 r1 r2 r3 r4 broke after 5\ntrue NOT_FOUND\nlater true\nawaited\n"
        + "FAILED_PRECONDITION no\n",
        result.out());
  }

  @Test
  void uncaughtError_printsTheScriptsFrames_andExits1_processExitSetsTheStatus() {
    ScriptHarness.Result failed = run("""
        function call() {
          client.request('Fail', {code: 14, message: 'backend down'});
        }
        call();
        """);
    assertEquals(1, failed.status());
    assertTrue(failed.err().startsWith("Uncaught RpcError: UNAVAILABLE: backend down\n"),
        failed.err());
    assertTrue(failed.err().contains("    at call (" + dir.resolve("snippet.js") + ":12:3)\n"),
        failed.err());
    assertTrue(!failed.err().contains("pygrpc.js") && !failed.err().contains("\tat "),
        failed.err());
    ScriptHarness.Result exited = run("""
        try { process.exit(3); } finally { console.log('finally runs'); }
        console.log('not reached');
        """);
    assertEquals(3, exited.status());
    assertEquals("", exited.out());
  }
}
