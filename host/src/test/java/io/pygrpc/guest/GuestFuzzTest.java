package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pygrpc.demo.DemoServer;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random Python and JavaScript values (seeded) against the demo's message types, through the
 * real bridge (client.message): every case gives a message or one of the guest's usage errors,
 * never pygrpc's InternalError or a foreign (Java) exception.
 */
class GuestFuzzTest {
  @TempDir
  Path dir;

  private static final Pattern SUMMARY = Pattern.compile(
      "cases (\\d+) converted (\\d+) refused (\\d+) broken (\\d+)");

  private static void assertSurvived(ScriptHarness.Result result, int cases) {
    Matcher m = SUMMARY.matcher(result.out());
    assertTrue(m.find(), result.out() + result.err());
    System.out.println("guest fuzz: " + m.group(0));
    assertEquals(0, Integer.parseInt(m.group(4)), result.out());
    assertEquals(cases, Integer.parseInt(m.group(1)));
    assertTrue(Integer.parseInt(m.group(2)) > cases / 20
        && Integer.parseInt(m.group(3)) > cases / 20, result.out());
    assertEquals("", result.err());
  }

  @Test
  void python_randomValues_giveMessagesOrUsageErrors() {
    try (DemoServer server = DemoServer.start(0)) {
      assertSurvived(ScriptHarness.run(dir, server, """
          import datetime, math, random, sys
          from pygrpc import Client
          random.seed(1124)
          c = Client('127.0.0.1', int(sys.argv[1]))
          c.load()
          types = ['pygrpc.demo.Record', 'pygrpc.demo.Point', 'pygrpc.demo.Rectangle',
                   'pygrpc.demo.RouteNote', 'pygrpc.demo.TickRequest', 'helloworld.HelloRequest']
          names = ['name', 'count', 'big', 'small', 'ratio', 'fraction', 'flag', 'data', 'color',
                   'where', 'tags', 'path', 'scores', 'at', 'delta', 'huge', 'wait', 'extra',
                   'nickname', 'mask', 'attachment', 'anything', 'label', 'number', 'x', 'y',
                   'lo', 'hi', 'location', 'message', 'nmae', '']
          point = c.message('Point', x=1, y=2)
          def value(depth=0):
              k = random.randrange(16 if depth < 3 else 12)
              if k == 0: return None
              if k == 1: return random.random() < 0.5
              if k == 2: return random.randint(-2**70, 2**70)
              if k == 3: return random.random() * 10.0 ** random.randint(-5, 300)
              if k == 4: return random.choice([math.nan, math.inf, -0.0])
              if k == 5: return ''.join(chr(random.randrange(1, 0x10000)) for _ in range(5))
              if k == 6: return bytes(random.randrange(256) for _ in range(4))
              if k == 7: return datetime.datetime(2024, 1, 2, tzinfo=datetime.timezone.utc)
              if k == 8: return datetime.timedelta(seconds=random.randint(-10**6, 10**6))
              if k == 9: return point
              if k == 10: return object()
              if k == 11: return random.choice(['RED', 'GREEN', 'PURPLE', 'x'])
              if k == 12: return [value(depth + 1) for _ in range(random.randrange(3))]
              if k == 13: return tuple(value(depth + 1) for _ in range(random.randrange(3)))
              if k == 14: return {random.randrange(3): value(depth + 1)}
              return {random.choice(names): value(depth + 1) for _ in range(random.randrange(4))}
          converted = refused = broken = 0
          for i in range(2000):
              fields = {random.choice(names): value() for _ in range(random.randrange(5))}
              try:
                  c.message(random.choice(types), fields)
                  converted += 1
              except (TypeError, ValueError, LookupError, AttributeError) as e:
                  refused += 1
                  assert str(e), 'an empty message'
              except BaseException as e:
                  broken += 1
                  print('BROKEN', type(e).__name__, e, fields)
          print('cases', converted + refused + broken, 'converted', converted,
                'refused', refused, 'broken', broken)
          """), 2000);
    }
  }

  @Test
  void javascript_randomValues_giveMessagesOrUsageErrors() {
    try (DemoServer server = DemoServer.start(0)) {
      assertSurvived(ScriptHarness.runJs(dir, server, """
          const c = new Client('127.0.0.1', Number(process.argv[2]));
          c.load();
          let seed = 1124;
          const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
          const pick = (list) => list[Math.floor(rand() * list.length)];
          const types = ['pygrpc.demo.Record', 'pygrpc.demo.Point', 'pygrpc.demo.Rectangle',
            'pygrpc.demo.RouteNote', 'pygrpc.demo.TickRequest', 'helloworld.HelloRequest'];
          const names = ['name', 'count', 'big', 'small', 'ratio', 'flag', 'data', 'color',
            'where', 'tags', 'path', 'scores', 'at', 'wait', 'x', 'y', 'lo', 'hi', 'location',
            'message', 'pointCount', 'nmae', ''];
          function value(depth) {
            switch (Math.floor(rand() * (depth < 3 ? 15 : 11))) {
              case 0: return null;
              case 1: return undefined;
              case 2: return rand() < 0.5;
              case 3: return Math.floor((rand() - 0.5) * 2 ** 60);
              case 4: return BigInt(Math.floor(rand() * 1e6)) ** 5n * (rand() < 0.5 ? -1n : 1n);
              case 5: return pick([NaN, Infinity, -0, 1e308 * 10, 0.5]);
              case 6: return String.fromCharCode(...Array.from({length: 4},
                  () => 1 + Math.floor(rand() * 0xd000)));
              case 7: return new Uint8Array([1, 2, 255]);
              case 8: return new Date(Math.floor(rand() * 2e12));
              case 9: return pick(['RED', 'GREEN', 'PURPLE', () => 1, Symbol.iterator]);
              case 10: return {seconds: Math.floor(rand() * 100), nanos: 5};
              case 11: return Array.from({length: Math.floor(rand() * 3)}, () => value(depth + 1));
              case 12: return new Map([[1, 2]]);
              default: {
                const o = {};
                for (let i = Math.floor(rand() * 4); i > 0; i--) o[pick(names)] = value(depth + 1);
                return o;
              }
            }
          }
          let converted = 0, refused = 0, broken = 0;
          for (let i = 0; i < 1000; i++) {
            const fields = {};
            for (let k = Math.floor(rand() * 5); k > 0; k--) fields[pick(names)] = value(0);
            try {
              c.message(pick(types), fields);
              converted++;
            } catch (e) {
              if (e instanceof TypeError || e instanceof PygrpcError) {
                refused++;
                if (!e.message) throw new Error('an empty message');
              } else {
                broken++;
                console.log('BROKEN', e && e.name, e && e.message);
              }
            }
          }
          console.log('cases', converted + refused + broken, 'converted', converted,
              'refused', refused, 'broken', broken);
          """, false), 1000);
    }
  }
}
