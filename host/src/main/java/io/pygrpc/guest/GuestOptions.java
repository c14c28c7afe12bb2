package io.pygrpc.guest;

import io.pygrpc.PygrpcException;
import io.pygrpc.call.CallSettings;
import io.pygrpc.call.ChannelOptions;
import io.pygrpc.call.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/** Reads the call options scripts pass (timeout, metadata, ...) into host settings. */
final class GuestOptions {
  private GuestOptions() {}

  /**
   * Call settings from a guest mapping with any of {@code timeout} (seconds), {@code metadata}
   * (pairs), {@code wait_for_ready} and {@code compression}; null gives the defaults.
   *
   * @throws PygrpcException naming the option when a value does not fit
   */
  static CallSettings settings(Value options) {
    if (options == null || options.isNull()) {
      return CallSettings.DEFAULT;
    }
    Value timeout = entry(options, "timeout");
    Value metadata = entry(options, "metadata");
    Value waitForReady = entry(options, "wait_for_ready");
    Value compression = entry(options, "compression");
    java.time.Duration deadline = null;
    if (timeout != null && !timeout.isNull()) {
      if (!timeout.isNumber() || timeout.isBoolean()) {
        throw new PygrpcException(PygrpcException.Kind.TYPE, "timeout: expected a number of "
            + "seconds, got " + timeout);
      }
      deadline = CallSettings.timeoutSeconds(timeout.asDouble());
    }
    Boolean wait = null;
    if (waitForReady != null && !waitForReady.isNull()) {
      if (!waitForReady.isBoolean()) {
        throw new PygrpcException(PygrpcException.Kind.TYPE, "wait_for_ready: expected a bool, "
            + "got " + waitForReady);
      }
      wait = waitForReady.asBoolean();
    }
    String codec = null;
    if (compression != null && !compression.isNull()) {
      if (!compression.isString()) {
        throw new PygrpcException(PygrpcException.Kind.TYPE, "compression: expected \"gzip\" or "
            + "\"identity\", got " + compression);
      }
      codec = compression.asString();
    }
    return new CallSettings(deadline, Channels.headers(pairs(metadata)), wait, codec);
  }

  /**
   * Channel options from a guest mapping with any of {@code tls}, {@code ca}, {@code cert},
   * {@code key} (each a file path or PEM bytes), {@code server_name} and
   * {@code insecure_skip_verify}; null gives the defaults.
   */
  static ChannelOptions channel(Value options) {
    return channel(options, HostPolicy.OPEN, java.nio.file.Path.of("").toAbsolutePath());
  }

  /** As {@link #channel(Value)}, reading certificate files only where {@code policy} allows. */
  static ChannelOptions channel(Value options, HostPolicy policy, java.nio.file.Path cwd) {
    if (options == null || options.isNull()) {
      return ChannelOptions.DEFAULT;
    }
    Value tls = entry(options, "tls");
    Value serverName = entry(options, "server_name");
    Value insecure = entry(options, "insecure_skip_verify");
    if (tls != null && !tls.isNull() && !tls.isBoolean()) {
      throw new PygrpcException(PygrpcException.Kind.TYPE, "tls: expected a bool, got " + tls);
    }
    if (serverName != null && !serverName.isNull() && !serverName.isString()) {
      throw new PygrpcException(PygrpcException.Kind.TYPE, "server_name: expected a string, got "
          + serverName);
    }
    return new ChannelOptions(tls == null || tls.isNull() ? null : tls.asBoolean(),
        pem(options, "ca", policy, cwd), pem(options, "cert", policy, cwd),
        pem(options, "key", policy, cwd),
        serverName == null || serverName.isNull() ? null : serverName.asString(),
        insecure != null && !insecure.isNull() && insecure.asBoolean(),
        ChannelTuning.of(options));
  }

  /** PEM content given as bytes, or as the path of a file holding it. */
  private static byte[] pem(Value options, String name, HostPolicy policy,
      java.nio.file.Path cwd) {
    Value value = entry(options, name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.hasBufferElements()) {
      byte[] bytes = new byte[(int) value.getBufferSize()];
      value.readBuffer(0, bytes, 0, bytes.length);
      return bytes;
    }
    if (!value.isString()) {
      throw new PygrpcException(PygrpcException.Kind.TYPE, name + ": expected a file path or PEM "
          + "bytes, got " + value);
    }
    java.nio.file.Path path = java.nio.file.Path.of(value.asString());
    java.nio.file.Path file = cwd.resolve(path);
    policy.checkRead(file);
    try {
      return java.nio.file.Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new PygrpcException(PygrpcException.Kind.VALUE, name + ": no file \"" + path
          + "\" (looked at " + file + ")");
    } catch (java.io.IOException e) {
      throw new PygrpcException(PygrpcException.Kind.VALUE, name + ": cannot read \"" + path
          + "\": " + e.getMessage());
    }
  }

  static Value entry(Value options, String key) {
    return options.hasHashEntries() ? options.getHashValue(key) : options.getMember(key);
  }

  /** Name/value pairs from a guest list of 2-item sequences (the shim turns dicts into one). */
  static List<Map.Entry<String, Object>> pairs(Value metadata) {
    List<Map.Entry<String, Object>> pairs = new ArrayList<>();
    if (metadata == null || metadata.isNull()) {
      return pairs;
    }
    for (long i = 0; i < metadata.getArraySize(); i++) {
      Value pair = metadata.getArrayElement(i);
      if (!pair.hasArrayElements() || pair.getArraySize() != 2 || !pair.getArrayElement(0)
          .isString()) {
        throw new PygrpcException(PygrpcException.Kind.TYPE,
            "metadata: expected (name, value) pairs with string names, got " + pair);
      }
      Value value = pair.getArrayElement(1);
      Object converted;
      if (value.isString()) {
        converted = value.asString();
      } else if (value.hasBufferElements()) {
        byte[] bytes = new byte[(int) value.getBufferSize()];
        value.readBuffer(0, bytes, 0, bytes.length);
        converted = bytes;
      } else {
        converted = value.toString();
        throw new PygrpcException(PygrpcException.Kind.TYPE, "metadata \""
            + pair.getArrayElement(0).asString() + "\": expected a string (or bytes for a -bin "
            + "header), got " + converted);
      }
      pairs.add(Map.entry(pair.getArrayElement(0).asString(), converted));
    }
    return pairs;
  }

}
