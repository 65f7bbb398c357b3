package org.govpulse.api.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test client of an event stream: reads events on a thread of its own and hands them over in order. */
final class SseEvents implements AutoCloseable {
  /** One event. */
  record Event(String id, String name, String data) {}

  final int status;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Stream<String> lines;
  private final Thread reader;

  SseEvents(HttpClient http, String url, String key, String lastEventId) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
        .header("Authorization", "Bearer " + key);
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    try {
      HttpResponse<Stream<String>> r = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
      status = r.statusCode();
      lines = r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    reader = new Thread(this::read, "test-sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    String id = null;
    String name = "message";
    StringBuilder data = new StringBuilder();
    try {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(id, name, data.toString()));
          }
          id = null;
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      // closed by the test
    }
  }

  /** The next {@code n} events, waiting up to the timeout for each. */
  List<Event> next(int n, Duration timeout) throws InterruptedException {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (e == null) {
        throw new AssertionError("only " + out.size() + " of " + n + " events arrived: " + out);
      }
      out.add(e);
    }
    return out;
  }

  /** Events received and not taken yet. */
  List<Event> pending() {
    return new ArrayList<>(events);
  }

  @Override
  public void close() {
    lines.close();
    reader.interrupt();
  }
}
