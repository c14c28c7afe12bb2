package io.pygrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpc.Status;
import java.net.ConnectException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The details of statuses the client raised itself, as grpc-java 1.85 words them. */
class ClientStatusDetailsTest {

  @Test
  void deadline_saysHowLongTheCallRan_andWhetherItWasStillConnecting() {
    assertEquals("deadline exceeded after 0.300 s", details(Status.DEADLINE_EXCEEDED,
        "CallOptions deadline exceeded after 0.299646356s. Name resolution delay 0.000000000 "
            + "seconds. [closed=[], committed=[remote_addr=127.0.0.1/127.0.0.1:50051]]"));
    assertEquals("deadline exceeded after 0.478 s, still connecting to 127.0.0.1:9",
        details(Status.DEADLINE_EXCEEDED, "CallOptions deadline exceeded after 0.477821376s. "
            + "Name resolution delay 0.010899616 seconds. [closed=[], open=[["
            + "connecting_and_lb_delay=481473690ns, was_still_waiting]]]"));
    assertEquals("deadline exceeded after 2.000 s", details(Status.DEADLINE_EXCEEDED,
        "Context deadline exceeded after 2s. [closed=[], committed=[]]"));
    assertEquals("deadline exceeded before the call started, still connecting to 127.0.0.1:9",
        details(Status.DEADLINE_EXCEEDED, "ClientCall started after CallOptions deadline was "
            + "exceeded. Deadline has been exceeded for 0.001500797s waiting for name_resolver"
            + " [waiting_for_connection]"));
  }

  @Test
  void serversOwnDetails_stayAsTheyCame() {
    assertNull(details(Status.DEADLINE_EXCEEDED, "the database took too long"));
    assertNull(details(Status.NOT_FOUND, "CallOptions deadline exceeded after 1s"));
    assertNull(ClientStatusDetails.of(Status.DEADLINE_EXCEEDED, "127.0.0.1:9"));
  }

  @Test
  void transportFailure_isItsReason_withoutGrpcsAndNettysPrefixes() {
    Status refused = Status.UNAVAILABLE.withDescription("io exception").withCause(
        new RuntimeException(new ConnectException(
            "finishConnect(..) failed with error(-111): Connection refused")));
    assertEquals("Connection refused (connecting to 127.0.0.1:9)",
        ClientStatusDetails.of(refused, "127.0.0.1:9"));
    Status tls = Status.UNAVAILABLE.withDescription("io exception\nChannel Pipeline: [x]")
        .withCause(new SSLHandshakeException("Channel Pipeline: [SslHandler#0, "
            + "DefaultChannelPipeline$TailContext#0]: No name matching x found"));
    assertEquals("No name matching x found (connecting to x:443)",
        ClientStatusDetails.of(tls, "x:443"));
    Status other = Status.INTERNAL.withDescription("decoding failed")
        .withCause(new IllegalStateException("bad frame"));
    assertEquals("decoding failed: bad frame", ClientStatusDetails.of(other, "x:1"));
  }

  private static String details(Status status, String description) {
    return ClientStatusDetails.of(status.withDescription(description), "127.0.0.1:9");
  }
}
