package org.govpulse.api.http;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.govpulse.api.service.WarningFilter;
import org.govpulse.api.service.WarningService;
import org.govpulse.api.service.WarningView;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.core.table.WarningTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live warning stream: every subscriber gets the events of gold.warning_events with a sequence above the one it
 * last saw, in order, each with its sequence as the SSE id, so a client that reconnects with Last-Event-ID misses
 * nothing and sees nothing twice. Events are serialised once per snapshot (not per subscriber); connections hold no
 * thread while idle; a keep-alive comment every few seconds keeps proxies from closing them and finds dead ones.
 */
public final class SseHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);

  private final WarningService warnings;
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final ExecutorService senders;
  private final ScheduledExecutorService heartbeat;

  public SseHub(WarningService warnings, SnapshotStore store, Duration keepAlive, Metrics metrics) {
    this.warnings = warnings;
    AtomicInteger n = new AtomicInteger();
    this.senders = Executors.newFixedThreadPool(4, r -> daemon(r, "govpulse-sse-" + n.incrementAndGet()));
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "govpulse-sse-keepalive"));
    long ms = Math.max(100, keepAlive.toMillis());
    heartbeat.scheduleWithFixedDelay(this::keepAlive, ms, ms, TimeUnit.MILLISECONDS);
    store.onChange(change -> {
      if (change.changed().contains(WarningTables.WARNING_EVENTS)
          || change.changed().contains(WarningTables.WARNINGS)) {
        WarningView view = change.after().get(WarningService.VIEW);
        subscribers.forEach(s -> senders.execute(() -> deliver(s, view)));
      }
    });
    metrics.gauge("govpulse_api_sse_subscribers", "Open connections to the live warning stream.",
        () -> Map.of("", subscribers.size()));
  }

  /** Subscribes a client that has seen every event up to {@code lastEventId} (0 for none). */
  public void attach(SseClient client, WarningFilter filter, long lastEventId) {
    Subscriber s = new Subscriber(client, filter, lastEventId);
    client.keepAlive();
    client.onClose(() -> subscribers.remove(s));
    synchronized (s) {
      client.sendComment("connected; last event " + lastEventId);
    }
    subscribers.add(s);
    // the replay and the live broadcasts both send only what this subscriber has not seen, in order
    senders.execute(() -> deliver(s, warnings.view()));
  }

  /** Open subscriptions. */
  public int subscribers() {
    return subscribers.size();
  }

  private void deliver(Subscriber s, WarningView view) {
    synchronized (s) {
      if (s.client.terminated()) {
        subscribers.remove(s);
        return;
      }
      for (WarningView.Event e : view.eventsAfter(s.lastSent)) {
        if (s.filter.matches(e)) {
          s.client.sendEvent(e.type(), e.json(), Long.toString(e.sequence()));
        }
        s.lastSent = e.sequence();
      }
    }
  }

  private void keepAlive() {
    try {
      for (Subscriber s : subscribers) {
        senders.execute(() -> {
          synchronized (s) {
            if (s.client.terminated()) {
              subscribers.remove(s);
            } else {
              s.client.sendComment("keep-alive");
            }
          }
        });
      }
    } catch (RuntimeException e) {
      LOG.warn("keep-alive round failed", e);
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    subscribers.forEach(s -> s.client.close());
    subscribers.clear();
    senders.shutdownNow();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static final class Subscriber {
    final SseClient client;
    final WarningFilter filter;
    long lastSent;

    Subscriber(SseClient client, WarningFilter filter, long lastSent) {
      this.client = client;
      this.filter = filter;
      this.lastSent = lastSent;
    }
  }
}
