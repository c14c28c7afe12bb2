package io.pygrpc.convert;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import io.pygrpc.PygrpcException.Kind;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Well-known types from natural values: {@code Timestamp} from a date-time or RFC 3339 string,
 * {@code Duration} from a duration, a number of seconds or {@code "1.5s"}, wrappers from plain
 * values, {@code Struct}/{@code Value}/{@code ListValue} from dicts, lists and plain values,
 * {@code FieldMask} from a list of paths or {@code "a,b.c"}, {@code Any} from a message or a
 * dict with {@code "@type"}, {@code Empty} from nothing.
 */
final class WellKnownInput {
  private static final Set<String> WRAPPERS = Set.of("google.protobuf.DoubleValue",
      "google.protobuf.FloatValue", "google.protobuf.Int64Value", "google.protobuf.UInt64Value",
      "google.protobuf.Int32Value", "google.protobuf.UInt32Value", "google.protobuf.BoolValue",
      "google.protobuf.StringValue", "google.protobuf.BytesValue");
  private static final String TYPE_URL_PREFIX = "type.googleapis.com/";

  private WellKnownInput() {}

  /**
   * The message for a natural value of a well-known type, null when the value should be
   * converted the ordinary way (a dict of fields, a message), or after recording why not.
   */
  static DynamicMessage convert(MessageConverter converter, Descriptor type, InputValue value,
      String path, Function<String, Descriptor> types) {
    String name = type.getFullName();
    InputValue.Type kind = value.type();
    if (kind == InputValue.Type.MESSAGE && !name.equals("google.protobuf.Any")) {
      return null;
    }
    if (WRAPPERS.contains(name)) {
      if (kind == InputValue.Type.MAP) {
        return null;
      }
      FieldDescriptor inner = type.findFieldByName("value");
      Object converted = converter.single(inner, value, path);
      return converted == null ? null
          : DynamicMessage.newBuilder(type).setField(inner, converted).build();
    }
    switch (name) {
      case "google.protobuf.Timestamp" -> {
        if (kind == InputValue.Type.MAP) {
          return null;
        }
        Instant at;
        if (kind == InputValue.Type.INSTANT) {
          at = value.asInstant();
        } else if (kind == InputValue.Type.STRING) {
          try {
            com.google.protobuf.Timestamp parsed = Timestamps.parse(value.asString());
            return reparse(type, parsed);
          } catch (ParseException e) {
            converter.fail(Kind.VALUE, path, "an RFC 3339 date-time such as "
                + "\"2024-01-31T12:00:00Z\"", value.typeName() + " " + value.preview());
            return null;
          }
        } else {
          converter.fail(Kind.TYPE, path, "a datetime or an RFC 3339 string",
              given(value));
          return null;
        }
        return seconds(type, at.getEpochSecond(), at.getNano());
      }
      case "google.protobuf.Duration" -> {
        if (kind == InputValue.Type.MAP) {
          return null;
        }
        if (kind == InputValue.Type.DURATION) {
          Duration d = value.asDuration();
          return seconds(type, d.getSeconds(), d.getNano());
        }
        if (kind == InputValue.Type.INTEGER || kind == InputValue.Type.FLOAT) {
          double seconds = value.asDouble();
          long whole = (long) Math.floor(seconds);
          return seconds(type, whole, (int) Math.round((seconds - whole) * 1e9));
        }
        if (kind == InputValue.Type.STRING) {
          try {
            return reparse(type, Durations.parse(value.asString()));
          } catch (ParseException e) {
            converter.fail(Kind.VALUE, path, "a duration such as \"1.5s\"",
                value.typeName() + " " + value.preview());
            return null;
          }
        }
        converter.fail(Kind.TYPE, path, "a timedelta, a number of seconds or a string such as "
            + "\"1.5s\"", given(value));
        return null;
      }
      case "google.protobuf.Struct" -> {
        if (kind != InputValue.Type.MAP) {
          converter.fail(Kind.TYPE, path, "a dict", given(value));
          return null;
        }
        Struct struct = struct(converter, value, path);
        return struct == null ? null : reparse(type, struct);
      }
      case "google.protobuf.Value" -> {
        Value json = jsonValue(converter, value, path);
        return json == null ? null : reparse(type, json);
      }
      case "google.protobuf.ListValue" -> {
        if (kind != InputValue.Type.LIST) {
          converter.fail(Kind.TYPE, path, "a list", given(value));
          return null;
        }
        Value list = jsonValue(converter, value, path);
        return list == null ? null : reparse(type, list.getListValue());
      }
      case "google.protobuf.FieldMask" -> {
        if (kind == InputValue.Type.MAP) {
          return null;
        }
        FieldDescriptor paths = type.findFieldByName("paths");
        DynamicMessage.Builder mask = DynamicMessage.newBuilder(type);
        if (kind == InputValue.Type.STRING) {
          for (String p : value.asString().split(",")) {
            if (!p.isBlank()) {
              mask.addRepeatedField(paths, p.trim());
            }
          }
          return mask.build();
        }
        if (kind == InputValue.Type.LIST) {
          value.forEachElement(p -> {
            if (p.type() == InputValue.Type.STRING) {
              mask.addRepeatedField(paths, p.asString());
            } else {
              converter.fail(Kind.TYPE, path, "field paths as strings", given(p));
            }
          });
          return mask.build();
        }
        converter.fail(Kind.TYPE, path, "a list of field paths or \"a,b.c\"", given(value));
        return null;
      }
      case "google.protobuf.Any" -> {
        return any(converter, type, value, path, types);
      }
      default -> {
        return null;
      }
    }
  }

  private static DynamicMessage any(MessageConverter converter, Descriptor type,
      InputValue value, String path, Function<String, Descriptor> types) {
    FieldDescriptor url = type.findFieldByName("type_url");
    FieldDescriptor bytes = type.findFieldByName("value");
    if (value.type() == InputValue.Type.MESSAGE) {
      Message packed = value.asMessage();
      if (packed.getDescriptorForType().getFullName().equals("google.protobuf.Any")) {
        return null;
      }
      return DynamicMessage.newBuilder(type)
          .setField(url, TYPE_URL_PREFIX + packed.getDescriptorForType().getFullName())
          .setField(bytes, packed.toByteString()).build();
    }
    if (value.type() != InputValue.Type.MAP) {
      converter.fail(Kind.TYPE, path, "a message or a dict with \"@type\"", given(value));
      return null;
    }
    InputValue[] typeName = {null};
    value.forEachEntry((k, v) -> {
      if (k.type() == InputValue.Type.STRING && k.asString().equals("@type")) {
        typeName[0] = v;
      }
    });
    if (typeName[0] == null) {
      return null; // a dict of Any's own fields (type_url, value)
    }
    if (typeName[0].type() != InputValue.Type.STRING) {
      converter.fail(Kind.TYPE, path + ".@type", "a type name or URL", given(typeName[0]));
      return null;
    }
    String full = typeName[0].asString();
    full = full.substring(full.lastIndexOf('/') + 1);
    Descriptor packedType;
    try {
      packedType = types == null ? null : types.apply(full);
    } catch (RuntimeException e) {
      packedType = null;
    }
    if (packedType == null) {
      converter.fail(Kind.LOOKUP, path + ".@type", "a message type the client has loaded",
          "\"" + full + "\"");
      return null;
    }
    DynamicMessage packed = converter.fields(packedType, value, path, Set.of("@type"));
    return packed == null ? null : DynamicMessage.newBuilder(type)
        .setField(url, TYPE_URL_PREFIX + packedType.getFullName())
        .setField(bytes, packed.toByteString()).build();
  }

  private static Struct struct(MessageConverter converter, InputValue value, String path) {
    Struct.Builder struct = Struct.newBuilder();
    boolean[] ok = {true};
    value.forEachEntry((k, v) -> {
      if (k.type() != InputValue.Type.STRING) {
        converter.fail(Kind.TYPE, path, "string keys", given(k));
        ok[0] = false;
        return;
      }
      Value json = jsonValue(converter, v, path + "[\"" + k.asString() + "\"]");
      if (json == null) {
        ok[0] = false;
      } else {
        struct.putFields(k.asString(), json);
      }
    });
    return ok[0] ? struct.build() : null;
  }

  private static Value jsonValue(MessageConverter converter, InputValue value, String path) {
    switch (value.type()) {
      case NULL -> {
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
      }
      case BOOLEAN -> {
        return Value.newBuilder().setBoolValue(value.asBoolean()).build();
      }
      case INTEGER, FLOAT -> {
        return Value.newBuilder().setNumberValue(value.asDouble()).build();
      }
      case STRING -> {
        return Value.newBuilder().setStringValue(value.asString()).build();
      }
      case MAP -> {
        Struct struct = struct(converter, value, path);
        return struct == null ? null : Value.newBuilder().setStructValue(struct).build();
      }
      case LIST -> {
        List<Value> items = new ArrayList<>();
        boolean[] ok = {true};
        int[] index = {0};
        value.forEachElement(item -> {
          Value json = jsonValue(converter, item, path + "[" + index[0]++ + "]");
          if (json == null) {
            ok[0] = false;
          } else {
            items.add(json);
          }
        });
        return ok[0] ? Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(items))
            .build() : null;
      }
      default -> {
        converter.fail(Kind.TYPE, path, "a JSON-like value (dict, list, str, number, bool or "
            + "None)", given(value));
        return null;
      }
    }
  }

  private static DynamicMessage seconds(Descriptor type, long seconds, int nanos) {
    return DynamicMessage.newBuilder(type)
        .setField(type.findFieldByName("seconds"), seconds)
        .setField(type.findFieldByName("nanos"), nanos).build();
  }

  private static DynamicMessage reparse(Descriptor type, Message generated) {
    try {
      return DynamicMessage.parseFrom(type, generated.toByteString());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String given(InputValue value) {
    return MessageConverter.given(value);
  }
}
