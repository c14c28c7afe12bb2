package io.pygrpc.launcher;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The frames between the warm daemon and its client over a private unix socket. The client
 * sends one request (working folder, arguments, environment, flags), then answers the daemon's
 * requests for stdin and forwards Ctrl-C; the daemon sends stdout and stderr as they come, then
 * the exit status. Stdin is read only when the script asks: a client blocked reading a terminal
 * the script never reads would hold the client's exit (HotSpot waits for threads in native).
 */
final class DaemonProtocol {
  static final int MAGIC = 0x70677270; // "pgrp"
  static final int VERSION = 2;
  /** A flag of the request: the client's stdin is a terminal (bulk calls then show progress). */
  static final int ON_TERMINAL = 1;

  // daemon -> client
  static final byte STDOUT = 1;
  static final byte STDERR = 2;
  static final byte EXIT = 3;
  static final byte STDIN_WANTED = 4;

  // client -> daemon
  static final byte STDIN = 11;
  static final byte STDIN_EOF = 12;
  static final byte INTERRUPT = 13;
  static final byte STOP = 14;

  private DaemonProtocol() {}

  static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 16 * 1024 * 1024) {
      throw new IOException("bad frame length " + length);
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** An int as a frame's four bytes (the exit status, how much stdin is wanted). */
  static byte[] intFrame(int value) {
    return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8),
        (byte) value};
  }

  /** The int of {@link #intFrame(int)}. */
  static int intOf(byte[] frame) {
    return ((frame[0] & 0xFF) << 24) | ((frame[1] & 0xFF) << 16) | ((frame[2] & 0xFF) << 8)
        | (frame[3] & 0xFF);
  }

  /** One frame; writers share the stream, so frames are written whole. */
  static void frame(DataOutputStream out, byte type, byte[] data, int offset, int length)
      throws IOException {
    synchronized (out) {
      out.writeByte(type);
      out.writeInt(length);
      out.write(data, offset, length);
      out.flush();
    }
  }
}
