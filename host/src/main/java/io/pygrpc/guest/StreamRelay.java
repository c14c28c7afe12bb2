package io.pygrpc.guest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Standard streams for a context made before its run: a context's streams are fixed when it is
 * built, so a {@link SpareContext} is built with these and pointed at the run's own streams when
 * the run takes it. Until then there is nothing to read and nowhere to write.
 */
final class StreamRelay {
  private volatile InputStream in = InputStream.nullInputStream();
  private volatile OutputStream out = OutputStream.nullOutputStream();
  private volatile OutputStream err = OutputStream.nullOutputStream();

  final InputStream stdin = new InputStream() {
    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return in.read(buffer, offset, length);
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }
  };

  final OutputStream stdout = new Forward(true);
  final OutputStream stderr = new Forward(false);

  /** Points the streams at a run's own. */
  void connect(InputStream runIn, OutputStream runOut, OutputStream runErr) {
    in = runIn;
    out = runOut;
    err = runErr;
  }

  private final class Forward extends OutputStream {
    private final boolean isOut;

    Forward(boolean isOut) {
      this.isOut = isOut;
    }

    private OutputStream target() {
      return isOut ? out : err;
    }

    @Override
    public void write(int b) throws IOException {
      target().write(b);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
      target().write(data, offset, length);
    }

    @Override
    public void flush() throws IOException {
      target().flush();
    }
  }
}
