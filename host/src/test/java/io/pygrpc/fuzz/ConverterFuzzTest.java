package io.pygrpc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.pygrpc.PygrpcException;
import io.pygrpc.convert.JavaInput;
import io.pygrpc.convert.MessageConverter;
import io.pygrpc.demo.DemoSchema;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random values against every message type of the demo schema (every scalar kind,
 * enums, maps, oneofs, nested and well-known types): each case converts, or fails with a
 * PygrpcException whose message names a field path — never another exception. Half the cases
 * are built from the type's own fields (so they get deep), half are arbitrary.
 */
class ConverterFuzzTest {
  static final long SEED = 20261124L;
  static final int CASES = 20_000;

  @Test
  void randomValues_convertOrFailWithAUsageError() {
    List<Descriptor> types = new ArrayList<>();
    for (FileDescriptor file : DemoSchema.load().values()) {
      collect(file.getMessageTypes(), types);
    }
    Random random = new Random(SEED);
    int converted = 0;
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      Descriptor type = types.get(random.nextInt(types.size()));
      Object value = random.nextBoolean() ? fieldsFor(type, random, 0) : anything(random, 0);
      try {
        MessageConverter.toMessage(type, JavaInput.of(value));
        converted++;
      } catch (PygrpcException e) {
        refused++;
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "empty message");
      } catch (RuntimeException | StackOverflowError e) {
        fail("case " + i + " (" + type.getFullName() + " from " + value + ") threw " + e, e);
      }
    }
    System.out.printf("converter fuzz: %d cases, %d converted, %d refused%n", CASES, converted,
        refused);
    assertTrue(converted > CASES / 10 && refused > CASES / 10,
        "the generator should hit both outcomes: " + converted + " / " + refused);
  }

  /**
   * The converter reads a Python dict field by field when it can (a lookup per field instead of
   * a walk over the entries): the same random cases, through input that can be asked by key,
   * must give the same message or the same error, word for word.
   */
  @Test
  void readingFieldsByName_givesWhatWalkingTheMappingGives() {
    List<Descriptor> types = new ArrayList<>();
    for (FileDescriptor file : DemoSchema.load().values()) {
      collect(file.getMessageTypes(), types);
    }
    Random random = new Random(SEED + 1);
    int same = 0;
    for (int i = 0; i < CASES / 4; i++) {
      Descriptor type = types.get(random.nextInt(types.size()));
      Object value = fieldsFor(type, random, 0);
      String walked = outcome(type, JavaInput.of(value));
      String looked = outcome(type, KeyedInput.of(value));
      assertEquals(walked, looked, "case " + i + ": " + type.getFullName() + " from " + value);
      same++;
    }
    assertEquals(CASES / 4, same);
  }

  private static String outcome(Descriptor type, io.pygrpc.convert.InputValue input) {
    try {
      return "message " + MessageConverter.toMessage(type, input);
    } catch (PygrpcException e) {
      return e.kind() + " " + e.getMessage();
    }
  }

  private static void collect(List<Descriptor> from, List<Descriptor> into) {
    for (Descriptor type : from) {
      if (!type.getOptions().getMapEntry()) {
        into.add(type);
      }
      collect(type.getNestedTypes(), into);
    }
  }

  /** A map of some of the type's fields, values mostly of the right kind, sometimes not. */
  private static Map<String, Object> fieldsFor(Descriptor type, Random random, int depth) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (FieldDescriptor field : type.getFields()) {
      if (random.nextInt(3) == 0) {
        continue;
      }
      String name = random.nextInt(10) == 0 ? field.getJsonName() : field.getName();
      fields.put(name, random.nextInt(8) == 0 ? anything(random, depth + 1)
          : valueFor(field, random, depth));
    }
    if (random.nextInt(12) == 0) {
      fields.put("no_such_field_" + random.nextInt(100), 1);
    }
    return fields;
  }

  private static Object valueFor(FieldDescriptor field, Random random, int depth) {
    if (field.isMapField()) {
      Map<Object, Object> map = new LinkedHashMap<>();
      FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
      FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
      for (int i = random.nextInt(3); i > 0; i--) {
        map.put(single(key, random, depth), single(value, random, depth));
      }
      return map;
    }
    if (field.isRepeated()) {
      List<Object> list = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        list.add(single(field, random, depth));
      }
      return list;
    }
    return single(field, random, depth);
  }

  private static Object single(FieldDescriptor field, Random random, int depth) {
    return switch (field.getJavaType()) {
      case INT -> random.nextInt(6) == 0 ? random.nextLong() : (Object) random.nextInt();
      case LONG -> random.nextInt(6) == 0
          ? new BigInteger(70, random).subtract(BigInteger.ONE.shiftLeft(69))
          : (Object) random.nextLong();
      case FLOAT, DOUBLE -> random.nextInt(8) == 0 ? Double.NaN : random.nextGaussian() * 1e6;
      case BOOLEAN -> random.nextBoolean();
      case STRING -> randomString(random);
      case BYTE_STRING -> random.nextBoolean() ? randomBytes(random)
          : ByteString.copyFrom(randomBytes(random));
      case ENUM -> random.nextBoolean()
          ? field.getEnumType().getValues().get(random.nextInt(
              field.getEnumType().getValues().size())).getName()
          : (Object) random.nextInt(5);
      case MESSAGE -> switch (field.getMessageType().getFullName()) {
        case "google.protobuf.Timestamp" -> Instant.ofEpochSecond(random.nextInt(2_000_000_000),
            random.nextInt(1_000_000_000));
        case "google.protobuf.Duration" -> Duration.ofMillis(random.nextInt());
        default -> depth > 4 ? Map.of() : fieldsFor(field.getMessageType(), random, depth + 1);
      };
    };
  }

  /** Any value at all: every kind the converter can be handed. */
  private static Object anything(Random random, int depth) {
    return switch (random.nextInt(depth > 3 ? 9 : 11)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt();
      case 3 -> random.nextLong();
      case 4 -> random.nextDouble() * (random.nextBoolean() ? 1e300 : 1);
      case 5 -> randomString(random);
      case 6 -> randomBytes(random);
      case 7 -> Instant.ofEpochSecond(random.nextLong() % 100_000_000_000L);
      case 8 -> new BigInteger(80, random);
      case 9 -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(anything(random, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(random.nextInt(5) == 0 ? random.nextInt(3) : randomString(random),
              anything(random, depth + 1));
        }
        yield map;
      }
    };
  }

  private static String randomString(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      text.appendCodePoint(switch (random.nextInt(4)) {
        case 0 -> 'a' + random.nextInt(26);
        case 1 -> random.nextInt(0x80);
        case 2 -> 0x80 + random.nextInt(0xD000);
        default -> 0x10000 + random.nextInt(0x1000);
      });
    }
    return text.toString();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(16)];
    random.nextBytes(bytes);
    return bytes;
  }
}
