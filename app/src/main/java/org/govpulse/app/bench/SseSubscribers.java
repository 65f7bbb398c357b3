package org.govpulse.app.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many live-stream (Server-Sent Events) subscribers held by one selector thread: each is a non-blocking socket
 * that sends its GET, checks for 200, then only scans the stream for one event id. A subscriber costs this process
 * one file descriptor and a few hundred bytes, so one client process can hold as many as its descriptor limit.
 */
final class SseSubscribers implements AutoCloseable {
  /** Connections being set up at once: more would overflow the server's accept queue on a small machine. */
  private static final int IN_FLIGHT = 256;

  private final InetSocketAddress address;
  private final byte[] request;
  private final byte[] marker;
  private final int wanted;
  private final Selector selector;
  private final List<Subscriber> all = new ArrayList<>();
  private final CountDownLatch settled;
  private final CountDownLatch delivered;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final Thread loop;
  private final long started = System.nanoTime();
  private volatile long allSettledAt;
  private volatile long firstDelivery;
  private volatile long lastDelivery;
  private volatile boolean running = true;
  private int inFlight;
  private boolean exhausted;

  /**
   * Opens {@code count} subscriptions to {@code pathAndQuery}; each waits for the event whose SSE id is
   * {@code eventId}.
   */
  SseSubscribers(URI base, String pathAndQuery, String key, int count, long eventId) throws IOException {
    int port = base.getPort() > 0 ? base.getPort() : 80;
    this.address = new InetSocketAddress(base.getHost(), port);
    this.request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port
        + "\r\nAuthorization: Bearer " + key + "\r\nAccept: text/event-stream\r\nUser-Agent: govpulse-bench\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    this.marker = ("\nid: " + eventId + "\n").getBytes(StandardCharsets.ISO_8859_1);
    this.wanted = count;
    this.settled = new CountDownLatch(count);
    this.delivered = new CountDownLatch(count);
    this.selector = Selector.open();
    this.loop = new Thread(this::run, "bench-sse-selector");
    this.loop.setDaemon(true);
    this.loop.start();
  }

  /** Waits until every subscription is open or has failed; true if that happened in time. */
  boolean awaitSettled(Duration timeout) throws InterruptedException {
    return settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until every open subscriber has the event; true if that happened in time. */
  boolean awaitDelivered(Duration timeout) throws InterruptedException {
    return delivered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Subscriptions answered with 200 and still open. */
  int open() {
    return open.get();
  }

  int failed() {
    return failed.get();
  }

  /** The first reason a subscription failed, or null. */
  String firstFailure() {
    return firstFailure.get();
  }

  /** Subscribers that received the event. */
  long deliveredCount() {
    return wanted - failed.get() - delivered.getCount();
  }

  /** Seconds from the first connect to the last subscription settled. */
  double secondsToConnect() {
    return (allSettledAt - started) / 1e9;
  }

  /** System.nanoTime() when the first and the last subscriber received the event (0 before). */
  long firstDelivery() {
    return firstDelivery;
  }

  long lastDelivery() {
    return lastDelivery;
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
    byte[] bytes = new byte[1 << 16];
    try {
      while (running) {
        connectMore();
        selector.select(50);
        for (SelectionKey k : selector.selectedKeys()) {
          Subscriber s = (Subscriber) k.attachment();
          try {
            if (k.isConnectable()) {
              s.channel.finishConnect();
              s.channel.write(ByteBuffer.wrap(request));
              k.interestOps(SelectionKey.OP_READ);
            } else if (k.isReadable()) {
              buffer.clear();
              int n = s.channel.read(buffer);
              if (n < 0) {
                fail(s, "the server closed the stream");
                continue;
              }
              buffer.flip();
              buffer.get(bytes, 0, n);
              s.received(bytes, n);
            }
          } catch (IOException e) {
            fail(s, e.getMessage());
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException e) {
      firstFailure.compareAndSet(null, "selector: " + e);
      while (settled.getCount() > 0) {
        settled.countDown();
      }
    }
  }

  private void connectMore() {
    while (!exhausted && inFlight < IN_FLIGHT && all.size() < wanted) {
      Subscriber s = new Subscriber();
      try {
        s.channel = SocketChannel.open();
        s.channel.configureBlocking(false);
        s.channel.connect(address);
        s.channel.register(selector, SelectionKey.OP_CONNECT, s);
        all.add(s);
        inFlight++;
      } catch (IOException e) {
        // typically "Too many open files": this process is at its descriptor limit, so stop opening
        exhausted = true;
        firstFailure.compareAndSet(null, "opening subscriber " + (all.size() + 1) + ": " + e.getMessage());
        for (int i = all.size(); i < wanted; i++) {
          failed.incrementAndGet();
          settle();
          delivered.countDown();
        }
        s.close();
      }
    }
  }

  private void settle() {
    settled.countDown();
    if (settled.getCount() == 0) {
      allSettledAt = System.nanoTime();
    }
  }

  private void fail(Subscriber s, String reason) {
    if (s.state == State.FAILED) {
      return;
    }
    firstFailure.compareAndSet(null, reason);
    if (s.state == State.OPEN) {
      open.decrementAndGet();
      if (!s.delivered) {
        delivered.countDown();
      }
    } else {
      inFlight--;
      settle();
      delivered.countDown();
    }
    s.state = State.FAILED;
    failed.incrementAndGet();
    s.close();
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    all.forEach(Subscriber::close);
    try {
      selector.close();
    } catch (IOException e) {
      // closing
    }
  }

  private enum State { CONNECTING, OPEN, FAILED }

  private final class Subscriber {
    SocketChannel channel;
    State state = State.CONNECTING;
    final StringBuilder head = new StringBuilder();
    final byte[] tail = new byte[marker.length];
    int tailLength;
    boolean delivered;

    void received(byte[] bytes, int n) throws IOException {
      int from = 0;
      if (state == State.CONNECTING) {
        for (; from < n && !headDone(); from++) {
          head.append((char) (bytes[from] & 0xff));
        }
        if (!headDone()) {
          return;
        }
        if (!head.toString().startsWith("HTTP/1.1 200")) {
          throw new IOException("the stream answered " + head.substring(0, Math.max(0, head.indexOf("\r"))));
        }
        state = State.OPEN;
        open.incrementAndGet();
        inFlight--;
        settle();
        // the marker may start at the first byte of the body
        tail[0] = '\n';
        tailLength = 1;
      }
      if (!delivered && scan(bytes, from, n)) {
        delivered = true;
        long now = System.nanoTime();
        if (firstDelivery == 0) {
          firstDelivery = now;
        }
        lastDelivery = now;
        SseSubscribers.this.delivered.countDown();
      }
    }

    private boolean headDone() {
      int l = head.length();
      return l >= 4 && head.charAt(l - 1) == '\n' && head.charAt(l - 2) == '\r' && head.charAt(l - 3) == '\n'
          && head.charAt(l - 4) == '\r';
    }

    /** Looks for the marker in what was kept of the previous read followed by these bytes. */
    private boolean scan(byte[] bytes, int from, int n) {
      int length = tailLength + (n - from);
      byte[] window = new byte[length];
      System.arraycopy(tail, 0, window, 0, tailLength);
      System.arraycopy(bytes, from, window, tailLength, n - from);
      for (int i = 0; i + marker.length <= length; i++) {
        int j = 0;
        while (j < marker.length && window[i + j] == marker[j]) {
          j++;
        }
        if (j == marker.length) {
          return true;
        }
      }
      tailLength = Math.min(marker.length - 1, length);
      System.arraycopy(window, length - tailLength, tail, 0, tailLength);
      return false;
    }

    void close() {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException e) {
        // closing
      }
    }
  }
}
