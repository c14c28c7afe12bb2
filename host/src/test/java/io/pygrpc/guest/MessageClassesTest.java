package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Replies are the host's views typed as their Python classes (ViewTypes): the classes hold
 * still as more types appear, and types past the host's classes still read their fields.
 */
class MessageClassesTest extends DemoScriptTest {
  @Test
  void aClassStaysTheSame_whenLaterTypesAppear() {
    assertEquals("""
        Record True True True
        Tick Point True True
        """, echoOutput("""
        client.load('demo.route_pb2')
        r = client.request('Echo', name='n')
        Record = type(r)
        tick = next(iter(client.request('Ticks', count=1)))
        point = client.request('Echo', where={'x': 1}).where
        later = client.request('Echo', name='m')
        print(Record.__name__, type(later) is Record, isinstance(later, Record), type(r) is Record)
        print(type(tick).__name__, type(point).__name__, isinstance(point, Message),
              type(client.message('Point')) is type(point))
        """));
  }

  @Test
  void typesPastTheHostsClasses_shareMessage_andStillReadTheirFields() throws IOException {
    // 40 types, more than ViewTypes.SIZE; fields named like the bridge's view functions too.
    String types = IntStream.range(0, 40).mapToObj(i -> "message M" + i
        + " { int32 n = 1; string text = 2; string json = 3; string fields = 4; }")
        .collect(Collectors.joining("\n"));
    Files.writeString(dir.resolve("many.proto"), "syntax = \"proto3\";\npackage many;\n"
        + types + "\n");
    assertEquals("""
        ['M0', 'M31', 'Message', 'Message']
        [0, 31, 32, 39] t j f
        True True True
        """, output("", """
        client.load('many.proto')
        made = [client.message('M%d' % i, n=i, text='t', json='j', fields='f') for i in range(40)]
        print([type(made[i]).__name__ for i in (0, 31, 32, 39)])
        print([made[i].n for i in (0, 31, 32, 39)], made[39].text, made[39].json, made[39].fields)
        print(type(made[0]) is type(client.message('M0')), isinstance(made[39], Message),
              made[39] == client.message('M39', n=39, text='t', json='j', fields='f'))
        """));
  }
}
