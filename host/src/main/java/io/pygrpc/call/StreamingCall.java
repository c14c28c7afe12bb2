package io.pygrpc.call;

import com.google.protobuf.DynamicMessage;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.pygrpc.RpcException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A call in progress whose responses the caller takes one at a time or in batches: server
 * streaming, client streaming and bidi all run through it.
 *
 * <p>Flow control: a {@link ResponseWindow} of responses is requested ahead of the caller (up to
 * 128 small ones, fewer large ones) and refilled as the caller takes them, so an endless stream
 * consumed slowly holds at most that many messages here. Requests are pulled from the
 * {@link RequestSource} only while the transport is
 * ready, either by a pump thread (so a request generator may block until the caller has seen a
 * response, the "ping-pong" pattern, as with grpcio) or, for single-threaded guests, on the
 * caller's thread inside {@link #take(int)} while no response is waiting.
 *
 * @since 0.3.0
 */
public final class StreamingCall extends ClientCall.Listener<DynamicMessage>
    implements Invocation, AutoCloseable {
  private final ClientCall<DynamicMessage, DynamicMessage> call;
  private final RequestSource requests;
  private final java.util.concurrent.Executor pump;
  private final String authority;
  private final Object lock = new Object();
  private final ArrayDeque<DynamicMessage> responses = new ArrayDeque<>();
  private final ResponseWindow window = new ResponseWindow();
  private long events;
  private Metadata headers;
  private Status status;
  private Metadata trailers;
  private volatile boolean requestsDone;
  private RuntimeException requestFailure;

  /**
   * @param pump runs the request pump; null pulls requests on the caller's thread
   */
  StreamingCall(ClientCall<DynamicMessage, DynamicMessage> call, RequestSource requests,
      java.util.concurrent.Executor pump, String authority) {
    this.call = call;
    this.requests = requests;
    this.pump = pump;
    this.authority = authority;
  }

  /** Starts the call; with a single request (server streaming), sends it and half-closes. */
  void start(Metadata extraHeaders, DynamicMessage single) {
    call.start(this, extraHeaders);
    if (single != null) {
      call.sendMessage(single);
      call.halfClose();
      requestsDone = true;
    }
    int ahead;
    synchronized (lock) {
      ahead = window.start();
    }
    call.request(ahead);
    if (requests != null && pump != null) {
      pump.execute(this::pumpRequests);
    }
  }

  /** The pump thread: sends each request once the transport is ready, until none are left. */
  private void pumpRequests() {
    while (!requestsDone) {
      synchronized (lock) {
        while (status == null && !call.isReady()) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (status != null) {
          return; // the call ended (or was cancelled): pull nothing more
        }
      }
      try {
        sendOne();
      } catch (RuntimeException | Error e) {
        return; // sendOne recorded it for the caller, who rethrows it when it next asks
      }
    }
  }

  /**
   * The next response, waiting for it (and sending requests meanwhile); {@code null} when the
   * call ended OK.
   *
   * @throws RpcException when the call ended with another status, after every response received
   *     before it was returned
   */
  public DynamicMessage next() {
    List<DynamicMessage> one = take(1);
    return one == null ? null : one.get(0);
  }

  /**
   * The responses that have arrived, at most {@code max} and at least one, waiting (and sending
   * requests meanwhile) only while none has; {@code null} when the call ended OK. The window
   * of responses asked ahead is refilled in one request once half of it was taken, or before
   * waiting (see {@link ResponseWindow}).
   *
   * @throws RpcException when the call ended with another status, after every response received
   *     before it was returned
   */
  public List<DynamicMessage> take(int max) {
    while (true) {
      long seen;
      List<DynamicMessage> taken = null;
      int ask = 0;
      synchronized (lock) {
        if (requestFailure != null) {
          throw requestFailure;
        }
        int count = Math.min(max, responses.size());
        if (count > 0) {
          taken = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            taken.add(responses.poll());
          }
        }
        if (taken == null && status != null) {
          if (status.isOk()) {
            return null;
          }
          throw RpcException.of(status, headers, trailers, authority);
        }
        if (status == null) {
          ask = window.took(count, taken == null);
        }
        // Taken with the poll, so a response arriving after it is an event we wait for.
        seen = events;
      }
      if (ask > 0) {
        call.request(ask);
      }
      if (taken != null) {
        return taken;
      }
      if (pump == null && !requestsDone && call.isReady()) {
        sendOne();
        continue;
      }
      synchronized (lock) {
        while (events == seen && requestFailure == null) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel("interrupted");
            throw RpcException.of(Status.CANCELLED.withDescription("interrupted"), headers, null,
                authority);
          }
        }
      }
    }
  }

  /** Waits for the single response of a client-streaming call, sending every request first. */
  Reply single() {
    DynamicMessage response = next();
    if (response == null) {
      throw RpcException.of(Status.INTERNAL.withDescription("the server ended the call without "
          + "a response"), headers, trailers, authority);
    }
    // Drain to the close so trailers are known and a late error is not lost.
    DynamicMessage extra = next();
    if (extra != null) {
      cancel("more than one response to a client-streaming call");
      throw RpcException.of(Status.INTERNAL.withDescription("the server sent more than one "
          + "response to a client-streaming call"), headers, trailers, authority);
    }
    synchronized (lock) {
      return new Reply(response, headers, trailers);
    }
  }

  /** Cancels the call (the server sees CANCELLED); harmless after it ended. */
  public void cancel(String reason) {
    call.cancel(reason, null);
  }

  /** Same as {@link #cancel}: a dropped or closed stream stops the call. */
  @Override
  public void close() {
    cancel("the client closed the stream");
  }

  /** The responses asked ahead of the caller now (what flow control bounds buffered() by). */
  int window() {
    synchronized (lock) {
      return window.size();
    }
  }

  /** How many responses are waiting to be taken; flow control keeps this within window(). */
  int buffered() {
    synchronized (lock) {
      return responses.size();
    }
  }

  /** Whether the call has ended and every response has been taken. */
  public boolean done() {
    synchronized (lock) {
      return status != null && responses.isEmpty();
    }
  }

  /** The response headers, or null before they arrive. */
  public Metadata headers() {
    synchronized (lock) {
      return headers;
    }
  }

  /** The trailers, or null before the call ends. */
  public Metadata trailers() {
    synchronized (lock) {
      return trailers;
    }
  }

  /** The final status, or null before the call ends. */
  public Status status() {
    synchronized (lock) {
      return status;
    }
  }

  private void sendOne() {
    DynamicMessage request;
    try {
      request = requests.next();
    } catch (RuntimeException | Error e) {
      // The script's iterator failed: stop the call and let the script see its own error.
      // Recorded before cancelling, so the caller reports it rather than the CANCELLED close.
      synchronized (lock) {
        requestFailure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        events++;
        lock.notifyAll();
      }
      requestsDone = true;
      call.cancel("the request iterator failed", e);
      throw e;
    }
    if (request == null) {
      requestsDone = true;
      call.halfClose();
    } else {
      call.sendMessage(request);
    }
  }

  @Override
  public void onHeaders(Metadata received) {
    synchronized (lock) {
      headers = received;
      events++;
      lock.notifyAll();
    }
  }

  @Override
  public void onMessage(DynamicMessage message) {
    // Outside the lock; the message keeps the size for when it is written again.
    int bytes = message.getSerializedSize();
    synchronized (lock) {
      window.arrived(bytes);
      responses.add(message);
      events++;
      lock.notifyAll();
    }
  }

  @Override
  public void onClose(Status closed, Metadata received) {
    synchronized (lock) {
      status = closed;
      trailers = received;
      events++;
      lock.notifyAll();
    }
  }

  @Override
  public void onReady() {
    synchronized (lock) {
      events++;
      lock.notifyAll();
    }
  }
}
