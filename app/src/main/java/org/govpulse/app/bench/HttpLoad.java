package org.govpulse.app.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A closed-loop HTTP/1.1 load: each connection sends its next GET on its kept-alive socket when the previous answer
 * has been read whole. Connections are non-blocking sockets shared by a few selector threads (at most one per core),
 * so the client neither needs a thread per connection nor adds their scheduling delays to the latencies it measures;
 * the request bytes are made once. That keeps the client's share of a small machine low.
 */
final class HttpLoad {
  /**
   * One measurement.
   *
   * @param throughput answers per second
   * @param p50 median latency, ms
   * @param p99 99th percentile latency, ms
   * @param errors answers that were not 200, and failed exchanges
   * @param bytes mean body size in bytes
   */
  record Sample(double throughput, double p50, double p99, int errors, long bytes) {}

  private final InetSocketAddress address;
  private final byte[] request;

  /**
   * GET {@code pathAndQuery} of the server at {@code base} with a bearer key; with {@code compressed}, asking for
   * gzip as browsers do (the body is counted, not inflated).
   */
  HttpLoad(URI base, String pathAndQuery, String key, boolean compressed) {
    int port = base.getPort() > 0 ? base.getPort() : 80;
    this.address = new InetSocketAddress(base.getHost(), port);
    this.request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port
        + "\r\nAuthorization: Bearer " + key + "\r\nAccept: application/json\r\n"
        + (compressed ? "Accept-Encoding: gzip\r\n" : "") + "User-Agent: govpulse-bench\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Runs {@code connections} loops for {@code seconds} and returns what they measured. */
  Sample run(int connections, double seconds) throws InterruptedException {
    int threads = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
    long end = System.nanoTime() + (long) (seconds * 1e9);
    Loop[] loops = new Loop[threads];
    Thread[] running = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int mine = connections / threads + (t < connections % threads ? 1 : 0);
      loops[t] = new Loop(mine, end);
      running[t] = new Thread(loops[t], "bench-client-" + t);
      running[t].start();
    }
    int total = 0;
    int errors = 0;
    long bytes = 0;
    for (int t = 0; t < threads; t++) {
      running[t].join();
      total += loops[t].count;
      errors += loops[t].errors;
      bytes += loops[t].bytes;
    }
    long[] all = new long[total];
    int at = 0;
    for (Loop l : loops) {
      System.arraycopy(l.latencies, 0, all, at, l.count);
      at += l.count;
    }
    Arrays.sort(all);
    return new Sample(total / seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, errors,
        total == 0 ? 0 : bytes / total);
  }

  static double percentile(long[] sorted, double q) {
    return sorted.length == 0 ? Double.NaN
        : sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
  }

  /** One selector thread and its connections, each sending its next request as soon as an answer is complete. */
  private final class Loop implements Runnable {
    private final int connections;
    private final long end;
    long[] latencies = new long[1 << 16];
    int count;
    int errors;
    long bytes;

    Loop(int connections, long end) {
      this.connections = connections;
      this.end = end;
    }

    @Override
    public void run() {
      ByteBuffer in = ByteBuffer.allocateDirect(1 << 18);
      try (Selector selector = Selector.open()) {
        for (int i = 0; i < connections; i++) {
          open(selector);
        }
        while (System.nanoTime() < end) {
          selector.select(20);
          for (SelectionKey k : selector.selectedKeys()) {
            Connection c = (Connection) k.attachment();
            try {
              in.clear();
              int n = c.channel.read(in);
              if (n < 0) {
                throw new IOException("the server closed the connection");
              }
              in.flip();
              while (in.hasRemaining()) {
                if (c.parser.feed(in)) {
                  answered(c);
                  if (c.parser.close || System.nanoTime() >= end) {
                    c.close();
                    if (System.nanoTime() < end) {
                      open(selector);
                    }
                    break;
                  }
                  c.send();
                }
              }
            } catch (IOException | RuntimeException e) {
              errors++;
              c.close();
              if (System.nanoTime() < end) {
                open(selector);
              }
            }
          }
          selector.selectedKeys().clear();
        }
        for (SelectionKey k : selector.keys()) {
          ((Connection) k.attachment()).close();
        }
      } catch (IOException e) {
        errors++;
      }
    }

    private void answered(Connection c) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = System.nanoTime() - c.sent;
      bytes += c.parser.body;
      if (c.parser.status != 200) {
        errors++;
      }
    }

    private void open(Selector selector) throws IOException {
      SocketChannel ch = SocketChannel.open(address);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      ch.configureBlocking(false);
      Connection c = new Connection(ch);
      ch.register(selector, SelectionKey.OP_READ, c);
      c.send();
    }
  }

  /** A kept-alive connection with its answer being read. */
  private final class Connection {
    final SocketChannel channel;
    final Parser parser = new Parser();
    long sent;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void send() throws IOException {
      parser.reset();
      sent = System.nanoTime();
      ByteBuffer out = ByteBuffer.wrap(request);
      while (out.hasRemaining()) {
        channel.write(out);
      }
    }

    void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // closing a connection that failed
      }
    }
  }

  /** An incremental reader of one HTTP/1.1 answer: status, headers, and a Content-Length or chunked body. */
  static final class Parser {
    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER }

    private final StringBuilder line = new StringBuilder(128);
    private State state;
    private boolean first;
    private boolean chunked;
    private long length;
    private long remaining;
    int status;
    long body;
    boolean close;

    void reset() {
      state = State.HEAD;
      first = true;
      chunked = false;
      length = -1;
      status = 0;
      body = 0;
      close = false;
      line.setLength(0);
    }

    /** Consumes bytes of the answer; true when it is complete (the rest of the buffer is left). */
    boolean feed(ByteBuffer in) throws IOException {
      while (in.hasRemaining()) {
        switch (state) {
          case BODY, CHUNK_DATA -> {
            int n = (int) Math.min(remaining, in.remaining());
            in.position(in.position() + n);
            remaining -= n;
            body += n;
            if (remaining == 0) {
              if (state == State.BODY) {
                return true;
              }
              state = State.CHUNK_END;
            }
          }
          default -> {
            if (lineComplete(in) && endOfLine()) {
              return true;
            }
          }
        }
      }
      return false;
    }

    private boolean lineComplete(ByteBuffer in) {
      while (in.hasRemaining()) {
        byte b = in.get();
        if (b == '\n') {
          return true;
        }
        if (b != '\r') {
          line.append((char) (b & 0xff));
        }
      }
      return false;
    }

    /** Acts on a whole line; true when it ends the answer. */
    private boolean endOfLine() throws IOException {
      String l = line.toString();
      line.setLength(0);
      switch (state) {
        case HEAD -> {
          if (first) {
            if (!l.startsWith("HTTP/1.1 ") || l.length() < 12) {
              throw new IOException("not an HTTP/1.1 answer: " + l);
            }
            status = Integer.parseInt(l.substring(9, 12));
            first = false;
          } else if (!l.isEmpty()) {
            header(l.toLowerCase(Locale.ROOT));
          } else if (chunked) {
            state = State.CHUNK_SIZE;
          } else if (length > 0) {
            state = State.BODY;
            remaining = length;
          } else if (length == 0) {
            return true;
          } else {
            throw new IOException("an answer with neither Content-Length nor chunked encoding");
          }
        }
        case CHUNK_SIZE -> {
          int semicolon = l.indexOf(';');
          remaining = Long.parseLong((semicolon < 0 ? l : l.substring(0, semicolon)).trim(), 16);
          state = remaining == 0 ? State.TRAILER : State.CHUNK_DATA;
        }
        case CHUNK_END -> state = State.CHUNK_SIZE;
        case TRAILER -> {
          return l.isEmpty();
        }
        default -> throw new IllegalStateException(state.name());
      }
      return false;
    }

    private void header(String h) {
      if (h.startsWith("content-length:")) {
        length = Long.parseLong(h.substring(15).trim());
      } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
        chunked = true;
      } else if (h.startsWith("connection:") && h.contains("close")) {
        close = true;
      }
    }
  }
}
