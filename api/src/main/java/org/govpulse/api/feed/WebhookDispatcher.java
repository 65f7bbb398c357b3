package org.govpulse.api.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govpulse.api.service.Json;
import org.govpulse.api.service.WarningService;
import org.govpulse.api.service.WarningView;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.WarningTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes every new warning event to each configured receiver as a signed CloudEvent. Each receiver has its own
 * queue, delivered in sequence order: a failed delivery (no 2xx answer, or no answer) is retried after 1x, 2x, 4x...
 * the base delay, capped, and later events wait behind it; after the last attempt it is given up and counted.
 * Delivery starts with the events that appear after the server started; the queue is held in memory.
 */
public final class WebhookDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  /**
   * How a receiver is doing.
   *
   * @param url the receiver
   * @param delivered events it accepted
   * @param failed events given up after every attempt
   * @param retries failed attempts that were retried
   * @param pending events waiting
   * @param lastError the last failure, or null
   */
  public record Status(String url, long delivered, long failed, long retries, int pending, String lastError) {}

  /**
   * Retry policy.
   *
   * @param maxAttempts attempts per event
   * @param baseDelay delay after the first failure; doubled after each further one
   * @param maxDelay cap of the delay
   */
  public record Policy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public Policy {
      if (maxAttempts < 1) {
        throw Errors.configValueInvalid("govpulse.api.webhook-max-attempts", Integer.toString(maxAttempts),
            "at least 1");
      }
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} failures. */
    public Duration delayAfter(int attempt) {
      long ms = baseDelay.toMillis() << Math.min(30, attempt - 1);
      return Duration.ofMillis(Math.min(maxDelay.toMillis(), ms));
    }
  }

  private final List<Receiver> receivers = new ArrayList<>();
  private final String secret;
  private final Policy policy;
  private final HttpClient http;
  private final Clock clock;
  private long lastSeen;

  public WebhookDispatcher(List<URI> urls, String secret, Policy policy, HttpClient http, Clock clock,
      SnapshotStore store) {
    if (!urls.isEmpty() && (secret == null || secret.length() < 16)) {
      throw Errors.configValueInvalid("govpulse.api.webhook-secret", secret == null || secret.isEmpty() ? "(empty)"
          : "(" + secret.length() + " characters)", "a secret of at least 16 characters when webhook-urls is set");
    }
    this.secret = secret;
    this.policy = policy;
    this.http = http;
    this.clock = clock;
    for (URI u : urls) {
      receivers.add(new Receiver(u));
    }
    // events that exist when the server starts were sent by an earlier process, or are history
    this.lastSeen = store.current().generation() == 0 ? -1
        : store.current().get(WarningService.VIEW).lastSequence();
    store.onChange(change -> {
      if (change.changed().contains(WarningTables.WARNING_EVENTS) || lastSeen < 0) {
        enqueue(change.after().get(WarningService.VIEW));
      }
    });
  }

  /** The receivers' state. */
  public List<Status> status() {
    return receivers.stream().map(Receiver::status).toList();
  }

  private synchronized void enqueue(WarningView view) {
    if (lastSeen < 0) {
      lastSeen = view.lastSequence();
      return;
    }
    List<WarningView.Event> fresh = view.eventsAfter(lastSeen);
    lastSeen = Math.max(lastSeen, view.lastSequence());
    for (Receiver r : receivers) {
      r.offer(fresh);
    }
  }

  @Override
  public void close() {
    receivers.forEach(r -> r.worker.shutdownNow());
  }

  /** One receiver: a queue and the single thread that works it. */
  private final class Receiver {
    final URI url;
    final ScheduledExecutorService worker;
    final Deque<WarningView.Event> queue = new ArrayDeque<>();
    long delivered;
    long failed;
    long retries;
    String lastError;
    boolean busy;

    Receiver(URI url) {
      this.url = url;
      this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "govpulse-webhook-" + url.getHost());
        t.setDaemon(true);
        return t;
      });
    }

    synchronized void offer(List<WarningView.Event> events) {
      queue.addAll(events);
      if (!busy && !queue.isEmpty()) {
        busy = true;
        worker.execute(() -> attempt(1));
      }
    }

    synchronized Status status() {
      return new Status(url.toString(), delivered, failed, retries, queue.size(), lastError);
    }

    private void attempt(int attempt) {
      WarningView.Event e;
      synchronized (this) {
        e = queue.peek();
        if (e == null) {
          busy = false;
          return;
        }
      }
      String error = send(e);
      synchronized (this) {
        if (error == null) {
          delivered++;
          queue.poll();
        } else if (attempt >= policy.maxAttempts()) {
          failed++;
          lastError = error;
          queue.poll();
          LOG.warn("webhook {} gave up on event {} after {} attempts: {}", url, e.sequence(), attempt, error);
        } else {
          retries++;
          lastError = error;
          worker.schedule(() -> attempt(attempt + 1), policy.delayAfter(attempt).toMillis(), TimeUnit.MILLISECONDS);
          return;
        }
      }
      worker.execute(() -> attempt(1));
    }

    /** Null when delivered, else why not. */
    private String send(WarningView.Event e) {
      try {
        String body = Json.MAPPER.writeValueAsString(CloudEvents.of(e));
        long ts = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
            .header("Content-Type", CloudEvents.MEDIA_TYPE + "; charset=utf-8")
            .header("webhook-id", e.eventId())
            .header("webhook-timestamp", Long.toString(ts))
            .header("webhook-signature", CloudEvents.signature(secret, e.eventId(), ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        int code = response.statusCode();
        return code >= 200 && code < 300 ? null : "HTTP " + code;
      } catch (JsonProcessingException x) {
        return "cannot serialise: " + x.getMessage();
      } catch (IOException x) {
        return x.getClass().getSimpleName() + ": " + x.getMessage();
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
  }

  /** Status as a map, for the admin route. */
  public static Map<String, Object> toMap(Status s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", s.url());
    m.put("delivered", s.delivered());
    m.put("failed", s.failed());
    m.put("retries", s.retries());
    m.put("pending", s.pending());
    m.put("last_error", s.lastError());
    return m;
  }
}
