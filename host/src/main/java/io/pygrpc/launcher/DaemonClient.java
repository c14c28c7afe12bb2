package io.pygrpc.launcher;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;

/**
 * The client of the warm daemon: a JVM that loads only a few classes of this package and the
 * JDK's, so it starts in tens of milliseconds. {@code DaemonClient SOCKET ARGS...}. When no
 * daemon answers, it starts one with the command in {@code PYGRPC_DAEMON_COMMAND} (see
 * {@link DaemonStart}) and waits for it.
 */
public final class DaemonClient {
  /** The wrapper's environment variable with the daemon's command line. */
  static final String COMMAND = "PYGRPC_DAEMON_COMMAND";

  private DaemonClient() {}

  public static void main(String[] args) throws IOException {
    Path socket = Path.of(args[0]);
    SocketChannel channel = connect(socket);
    if (channel == null) {
      channel = startDaemon(socket);
    }
    DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
    DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
    out.writeInt(DaemonProtocol.MAGIC);
    out.writeInt(DaemonProtocol.VERSION);
    DaemonProtocol.writeString(out, Path.of("").toAbsolutePath().toString());
    out.writeInt(args.length - 1);
    for (int i = 1; i < args.length; i++) {
      DaemonProtocol.writeString(out, args[i]);
    }
    // The script's environment is the user's: without the wrapper's note to this client.
    Map<String, String> environment = new java.util.HashMap<>(System.getenv());
    environment.remove(COMMAND);
    out.writeInt(environment.size());
    for (Map.Entry<String, String> entry : environment.entrySet()) {
      DaemonProtocol.writeString(out, entry.getKey());
      DaemonProtocol.writeString(out, entry.getValue());
    }
    out.writeInt(Consoles.stdinIsTerminal() ? DaemonProtocol.ON_TERMINAL : 0);
    out.flush();
    forwardInterrupts(out);
    int status = relay(in, out);
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  /** A connection to the daemon on {@code socket}, or null when none answers there. */
  static SocketChannel connect(Path socket) {
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
      return channel;
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // not connected: nothing to tell anyone
        }
      }
      return null;
    }
  }

  private static SocketChannel startDaemon(Path socket) throws IOException {
    String command = System.getenv(COMMAND);
    if (command == null || command.isEmpty()) {
      System.err.println("pygrpc: no warm daemon at " + socket + " and no command to start one");
      System.exit(1);
    }
    System.err.println("pygrpc: starting the warm daemon (once; PYGRPC_DAEMON=0 turns it off)...");
    // false: another run is starting it; wait for that one
    DaemonStart.spawn(socket, command, false);
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (System.nanoTime() < deadline) {
      SocketChannel channel = connect(socket);
      if (channel != null) {
        return channel;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    System.err.println("pygrpc: the warm daemon did not start; see " + DaemonStart.log(socket));
    System.exit(1);
    return null;
  }

  /**
   * Ctrl-C goes to the script (KeyboardInterrupt in Python; the daemon stops a script that
   * could not take the last one yet); a third leaves at once, as 130, whatever the daemon does.
   */
  private static void forwardInterrupts(DataOutputStream out) {
    try {
      int[] count = {0};
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
        if (++count[0] >= 3) {
          Runtime.getRuntime().halt(130);
        }
        try {
          DaemonProtocol.frame(out, DaemonProtocol.INTERRUPT, new byte[0], 0, 0);
        } catch (IOException e) {
          Runtime.getRuntime().halt(130);
        }
      });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // no SIGINT here: Ctrl-C ends the client alone
    }
  }

  private static int relay(DataInputStream in, DataOutputStream out) throws IOException {
    while (true) {
      byte type;
      byte[] data;
      try {
        type = in.readByte();
        data = in.readNBytes(in.readInt());
      } catch (IOException e) {
        System.err.println("pygrpc: the warm daemon went away (" + e.getMessage() + ")");
        return 1;
      }
      switch (type) {
        case DaemonProtocol.STDOUT -> System.out.write(data, 0, data.length);
        case DaemonProtocol.STDERR -> {
          System.out.flush();
          System.err.write(data, 0, data.length);
          System.err.flush();
        }
        case DaemonProtocol.STDIN_WANTED -> {
          System.out.flush();
          int wanted = DaemonProtocol.intOf(data);
          byte[] buffer = new byte[Math.max(1, Math.min(wanted, 65536))];
          int n = System.in.read(buffer);
          if (n < 0) {
            DaemonProtocol.frame(out, DaemonProtocol.STDIN_EOF, new byte[0], 0, 0);
          } else {
            DaemonProtocol.frame(out, DaemonProtocol.STDIN, buffer, 0, n);
          }
        }
        case DaemonProtocol.EXIT -> {
          return DaemonProtocol.intOf(data);
        }
        default -> { }
      }
    }
  }
}
