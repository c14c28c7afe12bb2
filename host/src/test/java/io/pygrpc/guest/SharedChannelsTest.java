package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.pygrpc.call.ChannelOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients naming the same target and options share one channel, closed with the last. */
class SharedChannelsTest {

  @Test
  void sameTargetAndOptions_shareOneChannelUntilTheLastRelease() {
    SharedChannels channels = new SharedChannels();
    ManagedChannel a = channels.acquire("127.0.0.1:1", new Metadata(), ChannelOptions.DEFAULT,
        List.of());
    ManagedChannel b = channels.acquire("127.0.0.1:1", new Metadata(), ChannelOptions.DEFAULT,
        List.of());
    ManagedChannel other = channels.acquire("127.0.0.1:2", new Metadata(),
        ChannelOptions.DEFAULT, List.of());
    assertSame(a, b);
    assertNotSame(a, other);
    assertEquals(2, channels.size());
    channels.release(a);
    assertFalse(b.isShutdown());
    channels.release(b);
    assertTrue(b.isShutdown());
    channels.release(other);
    assertEquals(0, channels.size());
  }

  @Test
  void key_tellsCertificatesApartByTheirBytes_notTheirHash() {
    byte[] a = {0, 31};
    byte[] b = {1, 0};
    assertEquals(java.util.Arrays.hashCode(a), java.util.Arrays.hashCode(b));
    assertNotEquals(SharedChannels.key("h:1", new Metadata(), caOnly(a)),
        SharedChannels.key("h:1", new Metadata(), caOnly(b)));
    assertEquals(SharedChannels.key("h:1", new Metadata(), caOnly(a)),
        SharedChannels.key("h:1", new Metadata(), caOnly(a.clone())));
  }

  @Test
  void key_changesWithEveryTuningSetting() throws Exception {
    // Each of the record's components in turn set, the others left unset: a setting the key
    // left out would let two differently tuned clients share a channel.
    var components = ChannelOptions.Tuning.class.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    var constructor = ChannelOptions.Tuning.class.getDeclaredConstructor(types);
    String unset = SharedChannels.key("h:1", new Metadata(), tuned(constructor
        .newInstance(new Object[components.length])));
    for (int i = 0; i < components.length; i++) {
      Object[] values = new Object[components.length];
      values[i] = sample(types[i]);
      assertNotEquals(unset, SharedChannels.key("h:1", new Metadata(),
          tuned(constructor.newInstance(values))), components[i].getName());
    }
  }

  @Test
  void key_tellsNoServerNameFromTheName_null() {
    ChannelOptions none = new ChannelOptions(null, null, null, null, null, false,
        ChannelOptions.Tuning.DEFAULT);
    ChannelOptions named = new ChannelOptions(null, null, null, null, "null", false,
        ChannelOptions.Tuning.DEFAULT);
    assertNotEquals(SharedChannels.key("h:1", new Metadata(), none),
        SharedChannels.key("h:1", new Metadata(), named));
  }

  private static ChannelOptions caOnly(byte[] ca) {
    return new ChannelOptions(null, ca, null, null, null, false, ChannelOptions.Tuning.DEFAULT);
  }

  private static ChannelOptions tuned(ChannelOptions.Tuning tuning) {
    return new ChannelOptions(null, null, null, null, null, false, tuning);
  }

  private static Object sample(Class<?> type) {
    if (type == String.class) {
      return "round_robin";
    } else if (type == java.util.Map.class) {
      return java.util.Map.of("loadBalancingConfig", List.of());
    } else if (type == java.time.Duration.class) {
      return java.time.Duration.ofSeconds(7);
    } else if (type == Integer.class) {
      return 1234;
    }
    throw new AssertionError("no sample for " + type + ": give the test one");
  }
}
