package io.pygrpc.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.descriptor.Pb2Loader;
import io.pygrpc.descriptor.Schema;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The conversion rules over plain Java values; the guest tests run the same rules from Python. */
class MessageConverterTest {
  static final Descriptor RECORD = demoFile().findMessageTypeByName("Record");

  static FileDescriptor demoFile() {
    return new Pb2Loader(new Schema(), List.of(Path.of("src/test/resources/pb2/modern")))
        .load("demo.echo_pb2").get(0);
  }

  private static DynamicMessage convert(Map<String, Object> fields) {
    return MessageConverter.toMessage(RECORD, JavaInput.of(fields));
  }

  private static Object field(DynamicMessage message, String name) {
    Object value = message.getField(RECORD.findFieldByName(name));
    return value instanceof EnumValueDescriptor e ? e.getName() : value;
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("count", Integer.MAX_VALUE, Integer.MAX_VALUE),
        Arguments.of("count", (long) Integer.MIN_VALUE, Integer.MIN_VALUE),
        Arguments.of("small", 4294967295L, -1),
        Arguments.of("big", Long.MIN_VALUE, Long.MIN_VALUE),
        Arguments.of("huge", new BigInteger("18446744073709551615"), -1L),
        Arguments.of("delta", -7, -7L),
        Arguments.of("ratio", 2, 2.0),
        Arguments.of("fraction", 0.5, 0.5f),
        Arguments.of("flag", true, true),
        Arguments.of("name", "héllo", "héllo"),
        Arguments.of("data", new byte[] {0, -1}, ByteString.copyFrom(new byte[] {0, -1})),
        Arguments.of("color", "GREEN", "GREEN"),
        Arguments.of("color", 3, "BLUE"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("accepted")
  void toMessage_valueInRange_isStored(String name, Object given, Object stored) {
    assertEquals(stored, field(convert(Map.of(name, given)), name));
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("count", 2147483648L, Kind.VALUE, "pygrpc.demo.Record.count: expected an "
            + "integer (int32, -2147483648 to 2147483647), got Long 2147483648"),
        Arguments.of("small", -1, Kind.VALUE, "pygrpc.demo.Record.small: expected an integer "
            + "(uint32, 0 to 4294967295), got Integer -1"),
        Arguments.of("huge", new BigInteger("18446744073709551616"), Kind.VALUE,
            "pygrpc.demo.Record.huge: expected an integer (uint64, 0 to 18446744073709551615),"
                + " got BigInteger 18446744073709551616"),
        Arguments.of("count", 1.5, Kind.TYPE, "pygrpc.demo.Record.count: expected an integer "
            + "(int32, -2147483648 to 2147483647), got Double 1.5"),
        Arguments.of("count", true, Kind.TYPE, "pygrpc.demo.Record.count: expected an integer "
            + "(int32, -2147483648 to 2147483647), got Boolean true"),
        Arguments.of("flag", 1, Kind.TYPE,
            "pygrpc.demo.Record.flag: expected a bool, got Integer 1"),
        Arguments.of("name", 5, Kind.TYPE,
            "pygrpc.demo.Record.name: expected a string, got Integer 5"),
        Arguments.of("data", "text", Kind.TYPE,
            "pygrpc.demo.Record.data: expected bytes, got String \"text\""),
        Arguments.of("fraction", 1e39, Kind.VALUE,
            "pygrpc.demo.Record.fraction: expected a number in float range, got Double 1.0E39"),
        Arguments.of("color", "PURPLE", Kind.VALUE, "pygrpc.demo.Record.color: expected a "
            + "pygrpc.demo.Color name (COLOR_UNSPECIFIED, RED, GREEN, BLUE) or number, got String"
            + " \"PURPLE\""),
        Arguments.of("where", "1,2", Kind.TYPE, "pygrpc.demo.Record.where: expected a dict of "
            + "the fields of pygrpc.demo.Point, got String \"1,2\""),
        Arguments.of("tags", "abc", Kind.TYPE,
            "pygrpc.demo.Record.tags: expected a list (or other iterable), got String \"abc\""),
        Arguments.of("scores", List.of(1), Kind.TYPE,
            "pygrpc.demo.Record.scores: expected a dict, got List12"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("rejected")
  void toMessage_wrongValue_failsNamingFieldExpectedAndGiven(String name, Object given, Kind kind,
      String message) {
    PygrpcException e = assertThrows(PygrpcException.class, () -> convert(Map.of(name, given)));
    assertEquals(kind, e.kind());
    assertEquals(message, e.getMessage());
  }

  @Test
  void toMessage_nestedRepeatedAndMap_areBuilt() {
    DynamicMessage message = convert(Map.of(
        "where", Map.of("x", 1, "y", 2),
        "path", List.of(Map.of("x", 3), Map.of("y", 4)),
        "tags", List.of("a", "b"),
        "scores", Map.of("k", 9)));
    assertEquals("where { x: 1 y: 2 } tags: \"a\" tags: \"b\" path { x: 3 } path { y: 4 } "
        + "scores { key: \"k\" value: 9 }",
        com.google.protobuf.TextFormat.printer().emittingSingleLine(true).printToString(message)
            .trim());
  }

  @Test
  void toMessage_jsonNameAndNull_areAcceptedAndNullLeavesUnset() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", null);
    fields.put("count", 4);
    DynamicMessage message = convert(fields);
    assertEquals(false, message.hasField(RECORD.findFieldByName("name")));
    assertEquals(4, field(message, "count"));
  }

  @Test
  void toMessage_severalBadFields_reportsAllAtOnce() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("nmae", "x");
    fields.put("where", Map.of("x", "a"));
    fields.put("tags", List.of("ok", 7));
    PygrpcException e = assertThrows(PygrpcException.class, () -> convert(fields));
    assertEquals(Kind.LOOKUP, e.kind());
    assertEquals("""
        3 fields could not be converted:
          pygrpc.demo.Record: no field named "nmae" (did you mean "name"?); its fields are: name, \
        count, big, small, ratio, fraction, flag, data, color, where, tags, path, scores, at, \
        delta, huge, wait, extra, nickname, mask, attachment, anything, label, number
          pygrpc.demo.Record.where.x: expected an integer (int32, -2147483648 to 2147483647), got \
        String "a"
          pygrpc.demo.Record.tags[1]: expected a string, got Integer 7""", e.getMessage());
  }

  @Test
  void toMessage_messageOfAnotherType_isRejected() {
    DynamicMessage point = DynamicMessage.getDefaultInstance(
        RECORD.findFieldByName("where").getMessageType());
    PygrpcException e = assertThrows(PygrpcException.class,
        () -> MessageConverter.toMessage(RECORD, JavaInput.of(point)));
    assertEquals("pygrpc.demo.Record: expected a pygrpc.demo.Record message or a dict of its "
        + "fields, got a pygrpc.demo.Point message", e.getMessage());
  }

  /** proto2: required fields are checked (nested ones too), defaults read back when unset. */
  @Test
  void toMessage_proto2RequiredAndDefaults() {
    Descriptor defaults = new io.pygrpc.descriptor.compiler.ProtoCompiler(
        List.of(Path.of("../protos")), io.pygrpc.descriptor.WellKnown::file)
        .compile(List.of("compiler/proto2.proto")).get(0).findMessageTypeByName("Defaults");
    PygrpcException e = assertThrows(PygrpcException.class,
        () -> MessageConverter.toMessage(defaults, JavaInput.of(Map.of("i32", 5))));
    assertEquals(Kind.VALUE, e.kind());
    assertEquals("compiler.p2.Defaults: missing required field id", e.getMessage());
    DynamicMessage ok = MessageConverter.toMessage(defaults, JavaInput.of(Map.of("id", 1)));
    assertEquals(-42, ok.getField(defaults.findFieldByName("i32")));
    assertEquals("GREEN", ((EnumValueDescriptor) ok.getField(defaults.findFieldByName("c")))
        .getName());
  }
}
