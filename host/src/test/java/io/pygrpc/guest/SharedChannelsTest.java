package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
