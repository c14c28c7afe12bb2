package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code client.map} and {@code client.future} from Python, against the demo server. */
class MapAndFutureTest extends DemoScriptTest {
  @Test
  void map_givesRepliesInRequestOrder_readingRequestsOnlyAsCallsStart() {
    assertEquals("""
        read ahead of the replies seen: at most 4 True
        r0,r1,r2,r3,r4,r5,r6,r7,r8,r9
        10 read
        a,b
        """, echoOutput("""
        read = []
        def requests():
            for i in range(10):
                read.append(i)
                yield {'name': 'r%d' % i}
        names = []
        ahead = []
        for reply in client.map('Echo', requests(), concurrency=2):
            # The window (2) in flight, plus the replies taken with this one in its batch (at
            # most a window's worth), each replaced by a call started as it was taken.
            ahead.append(len(read) - len(names))
            names.append(reply.name)
        print('read ahead of the replies seen: at most 4', max(ahead) <= 4)
        print(','.join(names))
        print(len(read), 'read')
        print(','.join(r.name for r in client.map('Echo', [{'name': 'a'}, {'name': 'b'}])))
        """));
  }

  @Test
  void map_failedCallsRaiseInTheirTurn_andTheOthersGoOn() {
    assertEquals("""
        NOT_FOUND x
        PERMISSION_DENIED y
        UNAVAILABLE z
        raised NOT_FOUND
        raised PERMISSION_DENIED
        raised UNAVAILABLE
        done
        """, echoOutput("""
        failing = [{'code': 5, 'message': 'x'}, {'code': 7, 'message': 'y'},
                   {'code': 14, 'message': 'z'}]
        for e in client.map('Fail', failing, return_exceptions=True):
            print(e.code().name, e.details())
        results = client.map('Fail', iter(failing), concurrency=2)
        while True:
            try:
                next(results)
            except RpcError as e:
                print('raised', e.code().name)
            except StopIteration:
                print('done')
                break
        """));
  }

  /**
   * A request that cannot be converted, or that the script's iterator raises for, fails in its
   * turn: the replies to the requests before it are all given first, and the requests after it
   * go on. Requests are read in batches, and a batch cut short by an exception keeps what it
   * read; an iterator that goes on after raising is read on.
   */
  @Test
  void map_badRequestMidway_raisesInItsTurnWithoutLosingTheRepliesBeforeIt() {
    assertEquals("""
        a b LookupError d done
        r0 r1 r2 r3 r4 ValueError done
        f1 f2 KeyError f4 f5 f6 done
        """, echoOutput("""
        def drain(results):
            seen = []
            while True:
                try:
                    seen.append(next(results).name)
                except (LookupError, ValueError) as e:
                    seen.append(type(e).__name__)
                except StopIteration:
                    seen.append('done')
                    return seen
        def requests():
            for i in range(5):
                yield {'name': 'r%d' % i}
            raise ValueError('broke after 5')
        class Flaky:
            def __init__(self):
                self.i = 0
            def __iter__(self):
                return self
            def __next__(self):
                self.i += 1
                if self.i == 3:
                    raise KeyError('third')
                if self.i > 6:
                    raise StopIteration
                return {'name': 'f%d' % self.i}
        print(*drain(client.map('Echo', [{'name': 'a'}, {'name': 'b'}, {'nope': 1},
                                         {'name': 'd'}], concurrency=1)))
        for source in (requests(), Flaky()):
            print(*drain(client.map('Echo', source, concurrency=8)))
        """));
  }

  /**
   * A map dropped before its end cancels its calls still in flight once the collector gets to
   * it, well before the script ends. The server here answers "slow" requests only after 10 s.
   */
  @Test
  void droppedMap_cancelsItsCallsInFlightAfterCollection() throws Exception {
    java.util.concurrent.ScheduledExecutorService later =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    CancelCounter slowAnswers = new CancelCounter() {
      @Override
      <Q, R> io.grpc.ServerCall<Q, R> wrap(io.grpc.ServerCall<Q, R> call) {
        boolean[] slow = {false};
        return new io.grpc.ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void sendMessage(R message) {
            slow[0] = message.toString().contains("slow");
            if (!slow[0]) {
              super.sendMessage(message);
            } else {
              later.schedule(() -> super.sendMessage(message), 10, TimeUnit.SECONDS);
            }
          }

          @Override
          public void close(io.grpc.Status status, io.grpc.Metadata trailers) {
            if (!slow[0]) {
              super.close(status, trailers);
            } else {
              later.schedule(() -> super.close(status, trailers), 10, TimeUnit.SECONDS);
            }
          }
        };
      }
    };
    try (io.pygrpc.demo.DemoServer slowServer = io.pygrpc.demo.DemoServer.start(0,
        io.pygrpc.demo.DemoServer.Reflection.V1, slowAnswers)) {
      ScriptHarness.Result result = ScriptHarness.run(dir, slowServer, """
          import sys
          from pygrpc import Client
          client = Client('127.0.0.1', int(sys.argv[1]))
          client.load('demo.echo_pb2')
          results = client.map('Echo', [{'name': 'fast'}] + [{'name': 'slow'}] * 4)
          print(next(results).name)
          """ + CancelCounter.dropAndWait("results"));
      long ended = System.nanoTime();
      assertEquals("", result.err());
      assertEquals("fast\ncollected\n", result.out());
      assertEquals(4, slowAnswers.cancelled());
      slowAnswers.assertCancelledWellBefore(ended);
    } finally {
      later.shutdownNow();
    }
  }

  @Test
  void map_misuseSaysWhatToPass() {
    assertEquals("""
        TypeError: map("pygrpc.demo.Echo.Echo"): pass an iterable of requests (a list or a \
        generator of dicts or messages), not one dict of fields
        LookupError: request 1: pygrpc.demo.Record: no field named "nope"
        ValueError: map() is for unary methods; "pygrpc.demo.RouteGuide.Ticks" streams its \
        replies: use request()
        """, echoOutput("""
        client.load('demo.route_pb2')
        attempt(lambda: list(client.map('Echo', {'name': 'x'})))
        try:
            list(client.map('Echo', [{'name': 'a'}, {'nope': 1}]))
        except LookupError as e:
            print('LookupError:', str(e).split(' (')[0].split(';')[0])
        attempt(lambda: client.map('Ticks', [{}]))
        """));
  }

  @Test
  void future_resultLater_failuresAsTheirRpcError() {
    assertEquals("""
        later True
        FAILED_PRECONDITION no
        ok None
        """, echoOutput("""
        f = client.future('Echo', name='later')
        print(f.result().name, f.done())
        failed = client.future('Fail', code=9, message='no')
        e = failed.exception()
        print(e.code().name, e.details())
        attempt(lambda: client.future('Echo', name='x').exception())
        """));
  }
}
