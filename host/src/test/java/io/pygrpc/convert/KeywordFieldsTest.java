package io.pygrpc.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;
import io.pygrpc.PygrpcException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code request('M', name='x', timeout=5)}: the converter tells a script's call options from
 * its fields, so that the guest need not look for them on every call.
 */
class KeywordFieldsTest {
  private static final Set<String> OPTIONS = Set.of("timeout", "metadata", "with_call");
  private static final Descriptor RECORD = MessageConverterTest.RECORD;
  /** A type with a field named like a call option: {@code timeout} as a keyword stays an option. */
  private static final Descriptor TIMED = timed();

  private static Descriptor timed() {
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("timed.proto")
        .setPackage("t").setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("Timed")
            .addField(string("name", 1)).addField(string("timeout", 2)))
        .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Timed");
    } catch (com.google.protobuf.Descriptors.DescriptorValidationException e) {
      throw new AssertionError(e);
    }
  }

  private static FieldDescriptorProto.Builder string(String name, int number) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
        .setType(FieldDescriptorProto.Type.TYPE_STRING);
  }

  private static DynamicMessage keywords(Descriptor type, Map<String, Object> fields) {
    return MessageConverter.fromKeywords(type, JavaInput.of(fields),
        name -> RECORD.findFieldByName("where").getMessageType(), OPTIONS); // Point, for an Any
  }

  private static String text(DynamicMessage message) {
    return TextFormat.printer().emittingSingleLine(true).printToString(message).trim();
  }

  @Test
  void fieldsOnly_areConverted_byLookupAndByWalk() {
    // One of Record's 24 fields is walked entry by entry; both of Timed's are looked up.
    assertEquals("name: \"a\" count: 2", text(keywords(RECORD, ordered("name", "a", "count", 2))));
    assertEquals("name: \"b\"", text(keywords(TIMED, Map.of("name", "b"))));
    assertEquals("", text(keywords(RECORD, Map.of())));
  }

  @Test
  void anOptionAmongTheFields_givesNull() {
    assertNull(keywords(RECORD, ordered("name", "a", "timeout", 5)));
    assertNull(keywords(RECORD, Map.of("with_call", true)));
    // A field named like an option is still the option when given as a keyword.
    assertNull(keywords(TIMED, ordered("name", "b", "timeout", "5s")));
  }

  @Test
  void anOptionBesideAMistake_givesNullBeforeReporting() {
    // The guest takes the option out and the mistake is reported by the call that follows.
    assertNull(keywords(RECORD, ordered("nmae", "a", "metadata", Map.of())));
    PygrpcException e = assertThrows(PygrpcException.class,
        () -> keywords(RECORD, Map.of("nmae", "a")));
    assertEquals(true, e.getMessage().contains("no field named \"nmae\" (did you mean \"name\"?)"),
        e.getMessage());
  }

  @Test
  void nestedKeysNamedLikeOptions_areFields() {
    // Only the top level holds call options: an Any's "@type" and a map's keys are its own.
    DynamicMessage message = keywords(RECORD, ordered(
        "scores", Map.of("timeout", 1),
        "attachment", ordered("@type", "pygrpc.demo.Point", "x", 3)));
    assertEquals(1, message.getRepeatedFieldCount(RECORD.findFieldByName("scores")));
    assertEquals(true, message.hasField(RECORD.findFieldByName("attachment")));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
