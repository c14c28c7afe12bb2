package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pygrpc.demo.DemoServer;
import org.junit.jupiter.api.Test;

/** The four call shapes, call options and RpcError details, from Python against the demo. */
class StreamingTest extends DemoScriptTest {
  private static String output(String body) {
    return output("""
        client.load('demo.route_pb2')
        client.load('demo.echo_pb2')
        """, body);
  }

  @Test
  void fourShapes_workFromPython() {
    assertEquals("""
        feature at 1,2
        ['feature at 0,0', 'feature at 1,0', 'feature at 0,1', 'feature at 1,1']
        3 7 5
        ['echo a', 'echo b']
        """, output("""
        print(client.request('GetFeature', x=1, y=2).name)
        print([f.name for f in client.request('ListFeatures', lo={'x': 0, 'y': 0},
                                                hi={'x': 1, 'y': 1})])
        summary = client.request('RecordRoute', [{'x': 0}, {'x': 3}, {'x': 3, 'y': 4}])
        print(summary.point_count, summary.distance,
              client.request('RecordRoute', ({'x': i} for i in range(5))).point_count)
        print([n.message for n in client.request('RouteChat', iter([{'message': 'a'},
                                                                    {'message': 'b'}]))])
        """));
  }

  @Test
  void bidi_pingPongGeneratorWaitingOnResponses_doesNotDeadlock() {
    assertEquals("""
        echo ping 0
        echo ping 1 after echo ping 0
        echo ping 2 after echo ping 1 after echo ping 0
        """, output("""
        import queue
        seen = queue.Queue()
        def pingpong():
            yield {'message': 'ping 0'}
            for i in (1, 2):
                yield {'message': 'ping %d after %s' % (i, seen.get(timeout=10))}
        for note in client.request('RouteChat', pingpong()):
            print(note.message)
            seen.put(note.message)
        """));
  }

  @Test
  void requestGeneratorFailure_cancelsAndReraisesTheScriptsOwnException() {
    assertEquals("KeyError 'from the generator'\n", output("""
        def points():
            yield {'x': 1}
            raise KeyError('from the generator')
        try:
            client.request('RecordRoute', points())
        except KeyError as e:
            print('KeyError', e)
        """));
  }

  @Test
  void streamingMethodGivenOneDict_isATypeErrorSayingWhatToPass() {
    assertEquals("\"pygrpc.demo.RouteGuide/RecordRoute\" is a client-streaming method: pass an "
        + "iterable of requests (a list or a generator of dicts or messages), not one dict of "
        + "fields\n", output("""
        try:
            client.request('RecordRoute', x=1)
        except TypeError as e:
            print(e)
        """));
  }

  @Test
  void serverStream_failureMidStream_deliversWhatArrivedThenRaises() {
    assertEquals("[1, 2, 3] StatusCode.UNAVAILABLE failing after 3 ticks, as asked\n", output("""
        seen = []
        try:
            for tick in client.request('Ticks', count=10, fail_after=3, fail_code=14):
                seen.append(tick.seq)
        except RpcError as e:
            print(seen, e.code(), e.details())
        """));
  }

  /**
   * Responses come a batch at a time; next() and every loop over a stream share one position,
   * a loop that holds the only reference keeps the stream alive through collections, and a
   * failed stream raises again when iterated again.
   */
  @Test
  void serverStream_nextAndLoopsShareOnePosition_andTheLoopKeepsTheStream() {
    assertEquals("""
        1 2 40 41 100 60
        200
        0 [1, 2, 3] StatusCode.UNAVAILABLE
        1 [1, 2, 3] StatusCode.UNAVAILABLE
        """, output("""
        import gc, time
        ticks = client.request('Ticks', count=100)
        first = next(ticks).seq
        part = []
        for tick in ticks:
            part.append(tick.seq)
            if tick.seq == 40:
                break
        rest = [tick.seq for tick in ticks]
        print(first, part[0], part[-1], rest[0], rest[-1], len(rest))
        def iterator_only():
            return iter(client.request('Ticks', count=200))
        ticks = iterator_only()
        for _ in range(3):
            gc.collect()
            time.sleep(0.2)   # finalizers run after the collection
        print(sum(1 for tick in ticks))
        failing = client.request('Ticks', count=10, fail_after=3, fail_code=14)
        seen = []
        for attempt in range(2):
            try:
                for tick in failing:
                    seen.append(tick.seq)
            except RpcError as e:
                print(attempt, seen, e.code())
        """));
  }

  /**
   * Threads sharing one stream (or one map) each get their share: every message once, each
   * thread's in order. A generator behind the loop raised "generator already executing" in
   * all but one thread.
   */
  @Test
  void threadsSharingOneStreamOrMap_getEveryMessageOnceInOrder() {
    assertEquals("""
        stream 5000 5000 True []
        map 600 600 True []
        """, output("""
        import threading
        def share(name, iterable, key):
            seen, errors = [], []
            def work():
                mine = []
                try:
                    for item in iterable:
                        mine.append(key(item))
                except Exception as e:
                    errors.append(repr(e))
                seen.append(mine)
            threads = [threading.Thread(target=work) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            every = [k for mine in seen for k in mine]
            print(name, len(every), len(set(every)), all(m == sorted(m) for m in seen), errors)
        share('stream', client.request('Ticks', count=5000), lambda t: t.seq)
        share('map', client.map('Echo', ({'count': i} for i in range(600))), lambda r: r.count)
        """));
  }

  @Test
  void timeoutAndCancel_endCallsAsGrpcioDoes() {
    assertEquals("""
        StatusCode.DEADLINE_EXCEEDED True
        StatusCode.DEADLINE_EXCEEDED
        stopped at 5
        """, output("""
        import time
        start = time.time()
        try:
            for tick in client.request('Ticks', delay_ms=100, timeout=0.3):
                pass
        except RpcError as e:
            print(e.code(), time.time() - start < 2)
        slow = Client('127.0.0.1', int(sys.argv[1]), timeout=0.2)
        slow.load('demo.route_pb2')
        try:
            list(slow.request('Ticks', delay_ms=100))
        except RpcError as e:
            print(e.code())
        with client.request('Ticks') as ticks:
            for tick in ticks:
                if tick.seq == 5:
                    break
        print('stopped at', tick.seq)
        """));
  }

  @Test
  void withCall_andRichErrors_mirrorGrpcio() {
    assertEquals("""
        feature at 1,0 StatusCode.OK
        StatusCode.FAILED_PRECONDITION nope
        (('x-failed-by', 'demo'),)
        2 broken demo.pygrpc.io {'code': '9'} code asked to fail
        True
        """, output("""
        reply, call = client.request('GetFeature', {'x': 1}, with_call=True)
        print(reply.name, call.code())
        try:
            client.request('Fail', code=9, message='nope', reason='broken')
        except RpcError as e:
            print(e.code(), e.details())
            print(e.trailing_metadata())
            info, bad_request = details = e.error_details()
            violation = bad_request.field_violations[0]
            print(len(details), info.reason, info.domain, dict(info.metadata), violation.field,
                  violation.description)
            print('"grpc_status":9' in e.debug_error_string())
        """));
  }

  @Test
  void fieldNamedLikeAnOption_goesInTheDict() {
    assertEquals("3\n", output("""
        print(client.request('Echo', {'count': 3}, timeout=5).count)
        """));
  }

  /** Dropping an iterator cancels its call on the server once the collector finalizes it. */
  @Test
  void droppedIterator_isCancelledOnTheServerAfterCollection() throws Exception {
    CancelCounter countCancels = new CancelCounter();
    try (DemoServer counting = DemoServer.start(0, DemoServer.Reflection.V1, countCancels)) {
      ScriptHarness.Result result = ScriptHarness.run(dir, counting, """
          import sys
          from pygrpc import Client
          client = Client('127.0.0.1', int(sys.argv[1]))
          client.load('demo.route_pb2')
          ticks = client.request('Ticks')
          print(next(ticks).seq)
          """ + CancelCounter.dropAndWait("ticks"));
      long ended = System.nanoTime();
      assertEquals("", result.err());
      assertEquals("1\ncollected\n", result.out());
      // Cancelled by the collection, well before the script's end would have cancelled it.
      assertEquals(1, countCancels.cancelled());
      countCancels.assertCancelledWellBefore(ended);
    }
  }
}
