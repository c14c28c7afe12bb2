package io.pygrpc.launcher;

import io.pygrpc.guest.Engines;
import io.pygrpc.guest.ScriptEnv;
import io.pygrpc.guest.SpareContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The warm launcher: one JVM per user, build and JVM options that keeps the polyglot engine warm
 * and runs each script in a fresh context, in the client's working folder and environment,
 * with its stdin, stdout, stderr, exit status and Ctrl-C forwarded. It listens on a unix socket
 * in a folder only the user can open, and exits after half an hour without a run.
 */
public final class DaemonServer {
  /**
   * Idle time after which the daemon leaves: long enough for a working session's runs, short
   * enough that a JVM of a few hundred MB does not linger long after the last one.
   */
  private static final long IDLE_MILLIS = 30 * 60 * 1000L;
  private final AtomicLong lastUsed = new AtomicLong(System.currentTimeMillis());
  private final java.util.concurrent.atomic.AtomicReference<SpareWorker> spare =
      new java.util.concurrent.atomic.AtomicReference<>();
  /** Runs in progress: a script that runs longer than the idle time is not idleness. */
  private final java.util.concurrent.atomic.AtomicInteger running =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Path socket;

  private DaemonServer(Path socket) {
    this.socket = socket;
  }

  /**
   * {@code DaemonServer SOCKET}: warms up, then serves until idle for half an hour, or told to
   * stop. Leaves at once when another daemon already answers on SOCKET (two runs that each
   * found none started one).
   */
  public static void main(String[] args) throws Exception {
    Path socket = Path.of(args[0]);
    DaemonStart.makeFolder(socket);
    if (answers(socket)) {
      Files.deleteIfExists(DaemonStart.marker(socket));
      return;
    }
    java.util.logging.Logger.getLogger("io.grpc").setLevel(java.util.logging.Level.OFF);
    DaemonWarmup.run(Engines.shared(), DaemonWarmup.BEFORE, () -> true, System.err);
    Files.deleteIfExists(socket);
    DaemonServer daemon = new DaemonServer(socket);
    // The first run most likely comes from where the run that started this daemon came from.
    daemon.prepareSpare(Path.of("").toAbsolutePath(), System.getenv());
    daemon.serve();
  }

  private static boolean answers(Path socket) throws IOException {
    SocketChannel other = DaemonClient.connect(socket);
    if (other == null) {
      return false;
    }
    other.close();
    return true;
  }

  private void serve() throws IOException {
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
      // The wrapper sends runs here only while this process is alive (a socket file outlives
      // a killed daemon, and a reboot): it checks the pid.
      Files.writeString(DaemonStart.pidFile(socket), Long.toString(ProcessHandle.current().pid()));
      Files.deleteIfExists(DaemonStart.marker(socket));
      Runtime.getRuntime().addShutdownHook(new Thread(this::retire)); // kill, or a logout
      Thread idle = new Thread(() -> {
        while (true) {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            return;
          }
          if (running.get() == 0 && System.currentTimeMillis() - lastUsed.get() > IDLE_MILLIS) {
            stop();
          }
        }
      }, "pygrpc-daemon-idle");
      idle.setDaemon(true);
      idle.start();
      Thread warmup = new Thread(() -> DaemonWarmup.run(Engines.shared(),
          DaemonWarmup.WHILE_IDLE, () -> running.get() == 0, System.err), "pygrpc-daemon-warmup");
      warmup.setDaemon(true);
      warmup.start();
      while (true) {
        SocketChannel client = server.accept();
        running.incrementAndGet();
        lastUsed.set(System.currentTimeMillis());
        Thread worker = new Thread(() -> {
          try {
            handle(client);
          } finally {
            lastUsed.set(System.currentTimeMillis());
            running.decrementAndGet();
          }
        }, "pygrpc-daemon-client");
        worker.setDaemon(true);
        worker.start();
      }
    }
  }

  private void stop() {
    retire();
    deleteLog();
    io.pygrpc.call.EventLoops.shutdown();
    Runtime.getRuntime().halt(0);
  }

  private void deleteLog() {
    try {
      Files.deleteIfExists(DaemonStart.log(socket)); // left in order: nothing to see there
    } catch (IOException ignored) {
      // kept
    }
  }

  /** Takes this daemon's socket and pid file away: new runs no longer come here. */
  private void retire() {
    try {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(DaemonStart.pidFile(socket));
    } catch (IOException ignored) {
      // gone already
    }
  }

  private void handle(SocketChannel channel) {
    try (channel) {
      DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
      DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
      if (in.readInt() != DaemonProtocol.MAGIC || in.readInt() != DaemonProtocol.VERSION) {
        return;
      }
      Path cwd = Path.of(DaemonProtocol.readString(in));
      List<String> args = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        args.add(DaemonProtocol.readString(in));
      }
      Map<String, String> environment = new HashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        environment.put(DaemonProtocol.readString(in), DaemonProtocol.readString(in));
      }
      if (args.equals(List.of("--stop-daemon"))) {
        // Before the answer: once the client is told, the daemon and its files are gone.
        retire();
        deleteLog();
        exit(out, 0);
        stop();
        return;
      }
      boolean atTerminal = (in.readInt() & DaemonProtocol.ON_TERMINAL) != 0;
      ScriptEnv env = ScriptEnv.of(cwd, environment);
      RemoteStdin stdin = new RemoteStdin(out);
      Thread reader = new Thread(() -> readClient(in, stdin, env), "pygrpc-daemon-input");
      reader.setDaemon(true);
      reader.start();
      PrintStream stdout = new PrintStream(new FrameStream(out, DaemonProtocol.STDOUT), true,
          StandardCharsets.UTF_8);
      PrintStream stderr = new PrintStream(new FrameStream(out, DaemonProtocol.STDERR), true,
          StandardCharsets.UTF_8);
      Main main = new Main(stdin, stdout, stderr, Engines::shared);
      main.env = env;
      main.atTerminal = atTerminal;
      SpareWorker worker = spare.getAndSet(null);
      int status;
      try {
        status = worker == null ? execute(main, args, null)
            : worker.run(made -> execute(main, args, made));
      } catch (RuntimeException e) {
        stderr.println("pygrpc: " + e);
        status = 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 130;
      }
      stdout.flush();
      stderr.flush();
      exit(out, status);
      if (main.ranPython) {
        prepareSpare(cwd, environment); // the client has its answer: this takes it no time
      }
    } catch (IOException e) {
      // the client went away: nothing to tell it
    }
  }

  /** One run of the launcher's command line, given the context made for it (or null). */
  private static int execute(Main main, List<String> args, SpareContext made) {
    main.spare = made;
    try {
      return Main.run(main, args.toArray(String[]::new));
    } finally {
      if (main.spare != null) {
        main.spare.close(); // the run was not Python's
      }
    }
  }

  /**
   * A context for the next run, made now (on the thread that will run it; see SpareWorker):
   * runs mostly come one after another from one shell, in one folder and environment, and a
   * made context, its package imported, takes ~0.13 s off such a run.
   */
  private void prepareSpare(Path cwd, Map<String, String> environment) {
    SpareWorker.start(cwd, environment, next -> {
      SpareWorker old = spare.getAndSet(next);
      if (old != null) {
        old.close();
      }
    });
  }

  private static void exit(DataOutputStream out, int status) throws IOException {
    DaemonProtocol.frame(out, DaemonProtocol.EXIT, DaemonProtocol.intFrame(status), 0, 4);
  }

  private static void readClient(DataInputStream in, RemoteStdin stdin, ScriptEnv env) {
    try {
      while (true) {
        byte type = in.readByte();
        int length = in.readInt();
        byte[] data = in.readNBytes(length);
        switch (type) {
          case DaemonProtocol.STDIN -> stdin.offer(data);
          case DaemonProtocol.STDIN_EOF -> stdin.offer(null);
          case DaemonProtocol.INTERRUPT -> env.interrupt();
          default -> { }
        }
      }
    } catch (IOException e) {
      stdin.offer(null); // the client is gone: end of input, and stop the script
      env.stop();
    }
  }

  /** Output to the client as frames of one kind. */
  private static final class FrameStream extends OutputStream {
    private final DataOutputStream out;
    private final byte type;

    FrameStream(DataOutputStream out, byte type) {
      this.out = out;
      this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
      if (length > 0) {
        DaemonProtocol.frame(out, type, data, offset, length);
      }
    }
  }

  /** The client's stdin, asked for only when the script reads. */
  private static final class RemoteStdin extends InputStream {
    private final DataOutputStream out;
    private final java.util.concurrent.BlockingQueue<byte[]> chunks =
        new java.util.concurrent.LinkedBlockingQueue<>();
    private static final byte[] EOF = new byte[0];
    private byte[] current;
    private int position;
    private boolean ended;

    RemoteStdin(DataOutputStream out) {
      this.out = out;
    }

    void offer(byte[] chunk) {
      chunks.add(chunk == null ? EOF : chunk);
    }

    @Override
    public synchronized int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (current == null || position >= current.length) {
        if (ended) {
          return -1;
        }
        DaemonProtocol.frame(out, DaemonProtocol.STDIN_WANTED, DaemonProtocol.intFrame(length),
            0, 4);
        try {
          current = chunks.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException();
        }
        position = 0;
        if (current == EOF) {
          ended = true;
          return -1;
        }
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, buffer, offset, n);
      position += n;
      return n;
    }
  }
}
