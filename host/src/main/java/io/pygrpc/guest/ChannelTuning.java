package io.pygrpc.guest;

import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.call.CallSettings;
import io.pygrpc.call.ChannelOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Reads a client's channel knobs: load_balancing, service_config (a JSON string or a dict),
 * retry (a dict turned into a service config retry policy), keepalive_time, keepalive_timeout,
 * max_receive_message_size and idle_timeout.
 */
final class ChannelTuning {
  private ChannelTuning() {}

  static ChannelOptions.Tuning of(Value options) {
    Value balancing = present(options, "load_balancing");
    Value config = present(options, "service_config");
    Value retry = present(options, "retry");
    Value maxReceive = present(options, "max_receive_message_size");
    Value maxSend = present(options, "max_send_message_size");
    if (config != null && retry != null) {
      throw new PygrpcException(Kind.VALUE, "retry and service_config both set: put the retry "
          + "policy in the service config's methodConfig");
    }
    Map<String, ?> serviceConfig = config != null ? serviceConfig(config)
        : retry != null ? retryConfig(retry) : null;
    if (balancing != null && !balancing.isString()) {
      throw new PygrpcException(Kind.TYPE, "load_balancing: expected a policy name such as "
          + "\"round_robin\", got " + balancing);
    }
    if (balancing != null && !List.of("pick_first", "round_robin")
        .contains(balancing.asString())) {
      throw new PygrpcException(Kind.VALUE, "load_balancing: \"" + balancing.asString()
          + "\" (expected: \"pick_first\" or \"round_robin\")");
    }
    checkSize(maxReceive, "max_receive_message_size");
    checkSize(maxSend, "max_send_message_size");
    return new ChannelOptions.Tuning(balancing == null ? null : balancing.asString(),
        serviceConfig, seconds(options, "keepalive_time"), seconds(options, "keepalive_timeout"),
        maxReceive == null ? null : maxReceive.asInt(), maxSend == null ? null : maxSend.asInt(),
        seconds(options, "idle_timeout"));
  }

  private static void checkSize(Value size, String name) {
    if (size != null && (!size.fitsInInt() || size.isBoolean() || size.asInt() <= 0)) {
      throw new PygrpcException(Kind.VALUE, name + ": " + size + " (expected: a number of bytes "
          + "> 0)");
    }
  }

  private static Map<String, ?> serviceConfig(Value config) {
    Object parsed;
    if (config.isString()) {
      try {
        parsed = io.grpc.internal.JsonParser.parse(config.asString());
      } catch (java.io.IOException | RuntimeException e) {
        // gson's messages carry advice for gson users; keep only where the JSON went wrong.
        java.util.regex.Matcher where = java.util.regex.Pattern
            .compile("line \\d+ column \\d+").matcher(String.valueOf(e.getMessage()));
        throw new PygrpcException(Kind.VALUE, "service_config: not valid JSON"
            + (where.find() ? " (at " + where.group() + ")" : ""), e);
      }
    } else {
      parsed = plain(config, "service_config");
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new PygrpcException(Kind.VALUE, "service_config: expected a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> typed = (Map<String, ?>) map;
    return typed;
  }

  /** retry={'attempts': 4, 'initial_backoff': 0.1, 'max_backoff': 2, 'multiplier': 2,
   * 'codes': ['UNAVAILABLE']} as a service config applying to every method. */
  private static Map<String, ?> retryConfig(Value retry) {
    if (!retry.hasHashEntries()) {
      throw new PygrpcException(Kind.TYPE, "retry: expected a dict such as {'attempts': 3}, got "
          + retry);
    }
    Value attempts = present(retry, "attempts");
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("maxAttempts", attempts == null ? 3.0 : (double) attempts.asInt());
    policy.put("initialBackoff", durationText(retry, "initial_backoff", 0.1));
    policy.put("maxBackoff", durationText(retry, "max_backoff", 1.0));
    Value multiplier = present(retry, "multiplier");
    policy.put("backoffMultiplier", multiplier == null ? 2.0 : multiplier.asDouble());
    List<Object> codes = new ArrayList<>();
    Value given = present(retry, "codes");
    if (given == null) {
      codes.add("UNAVAILABLE");
    } else {
      for (long i = 0; i < given.getArraySize(); i++) {
        Value code = given.getArrayElement(i);
        // StatusCode members or names both work.
        String name = code.isString() ? code.asString() : code.getMember("name").asString();
        codes.add(name.toUpperCase(java.util.Locale.ROOT));
      }
    }
    policy.put("retryableStatusCodes", codes);
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("name", List.of(Map.of()));
    method.put("retryPolicy", policy);
    return Map.of("methodConfig", List.of(method));
  }

  private static String durationText(Value options, String name, double fallback) {
    Duration d = seconds(options, name);
    double s = d == null ? fallback : d.toNanos() / 1e9;
    return s + "s";
  }

  private static Duration seconds(Value options, String name) {
    Value value = present(options, name);
    if (value == null) {
      return null;
    }
    if (!value.isNumber() || value.isBoolean()) {
      throw new PygrpcException(Kind.TYPE, name + ": expected a number of seconds, got " + value);
    }
    try {
      return CallSettings.timeoutSeconds(value.asDouble());
    } catch (PygrpcException e) {
      throw new PygrpcException(Kind.VALUE, name + ": " + value + " (expected: a number of "
          + "seconds > 0)");
    }
  }

  /** A guest dict/list/str/number/bool/None as the maps, lists and doubles gRPC expects. */
  private static Object plain(Value value, String where) {
    if (value.isNull()) {
      return null;
    } else if (value.isBoolean()) {
      return value.asBoolean();
    } else if (value.isString()) {
      return value.asString();
    } else if (value.isNumber()) {
      return value.asDouble();
    } else if (value.hasHashEntries()) {
      Map<String, Object> map = new LinkedHashMap<>();
      Value entries = value.getHashEntriesIterator();
      while (entries.hasIteratorNextElement()) {
        Value entry = entries.getIteratorNextElement();
        map.put(entry.getArrayElement(0).asString(), plain(entry.getArrayElement(1), where));
      }
      return map;
    } else if (value.hasArrayElements()) {
      List<Object> list = new ArrayList<>();
      for (long i = 0; i < value.getArraySize(); i++) {
        list.add(plain(value.getArrayElement(i), where));
      }
      return list;
    }
    throw new PygrpcException(Kind.TYPE, where + ": expected JSON-like values, got " + value);
  }

  private static Value present(Value options, String key) {
    Value value = GuestOptions.entry(options, key);
    return value == null || value.isNull() ? null : value;
  }
}
