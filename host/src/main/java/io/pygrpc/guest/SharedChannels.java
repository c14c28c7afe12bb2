package io.pygrpc.guest;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.pygrpc.call.ChannelOptions;
import io.pygrpc.call.Channels;
import java.util.Arrays;
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

  private static String key(String target, Metadata headers, ChannelOptions options) {
    return target + '\u0000' + headers + '\u0000' + options.tls() + '\u0000'
        + Arrays.hashCode(options.ca()) + '\u0000' + Arrays.hashCode(options.cert()) + '\u0000'
        + Arrays.hashCode(options.key()) + '\u0000' + options.serverName() + '\u0000'
        + options.insecureSkipVerify() + '\u0000' + options.tuning();
  }

  /** For tests: how many distinct channels are open. */
  synchronized int size() {
    return open.size();
  }
}
