package io.pygrpc.guest;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.pygrpc.call.ChannelOptions;
import io.pygrpc.call.Channels;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Channels shared by the clients of one script that name the same target with the same
 * options: one connection, closed when the last of them closes.
 */
final class SharedChannels {
  private final Map<String, Entry> open = new HashMap<>();

  private static final class Entry {
    final ManagedChannel channel;
    int users;

    Entry(ManagedChannel channel) {
      this.channel = channel;
    }
  }

  /** A channel held by one more client; give it back with {@link #release}. */
  synchronized ManagedChannel acquire(String target, Metadata headers, ChannelOptions options,
      List<ClientInterceptor> interceptors) {
    if (!interceptors.isEmpty()) {
      // A token function belongs to its client: such channels are not shared.
      return Channels.open(target, headers, options, interceptors);
    }
    String key = key(target, headers, options);
    Entry entry = open.computeIfAbsent(key,
        k -> new Entry(Channels.open(target, headers, options)));
    entry.users++;
    return entry.channel;
  }

  /** Gives a channel back; the last user closes it. */
  void release(ManagedChannel channel) {
    boolean last;
    synchronized (this) {
      Map.Entry<String, Entry> found = open.entrySet().stream()
          .filter(e -> e.getValue().channel == channel).findFirst().orElse(null);
      if (found == null) {
        last = true; // not shared
      } else {
        last = --found.getValue().users == 0;
        if (last) {
          open.remove(found.getKey());
        }
      }
    }
    if (last) {
      Channels.close(channel);
    }
  }

  /**
   * Equal exactly when two channels would be made alike: every setting, the certificates and
   * key by their bytes, each part preceded by its length (or a dash for none) so that no two
   * lists of parts run together into one text. Built without a record's {@code toString} or
   * string concatenation, whose call sites a JVM links on first use (~10 ms of a cold run for
   * the record's).
   */
  static String key(String target, Metadata headers, ChannelOptions options) {
    ChannelOptions.Tuning tuning = options.tuning();
    StringBuilder key = new StringBuilder();
    for (Object part : new Object[] {target, headers, options.tls(), latin1(options.ca()),
        latin1(options.cert()), latin1(options.key()), options.serverName(),
        options.insecureSkipVerify(), tuning.loadBalancing(), tuning.serviceConfig(),
        tuning.keepaliveTime(), tuning.keepaliveTimeout(), tuning.maxReceiveMessageSize(),
        tuning.maxSendMessageSize(), tuning.idleTimeout()}) {
      if (part == null) {
        key.append('-'); // not "4:null", which a server name "null" gives
      } else {
        String text = part.toString();
        key.append(text.length()).append(':').append(text);
      }
    }
    return key.toString();
  }

  private static String latin1(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** For tests: how many distinct channels are open. */
  synchronized int size() {
    return open.size();
  }
}
