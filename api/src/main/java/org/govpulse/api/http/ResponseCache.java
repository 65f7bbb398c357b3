package org.govpulse.api.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.govpulse.api.snapshot.SnapshotStore;

/**
 * Serialised answers of read routes, kept for one snapshot generation: a route marked {@link Route#cached()} is
 * answered from here when the same path and query were answered on the snapshot being served, so a dashboard's
 * repeated page is serialised (and compressed) once per new table version instead of once per request. Kept answers
 * are written whole with their Content-Length, gzip-compressed for clients that accept it. A new generation empties
 * the cache; its size is bounded, and answers other than 200 are never kept.
 */
final class ResponseCache {
  /** Answers kept per generation, and their bytes: beyond them answers are made every time. */
  static final int MAX_ENTRIES = 4096;
  static final long MAX_BYTES = 64L << 20;
  /** Answers from this size are also kept gzip-compressed (Javalin compresses from the same size). */
  static final int GZIP_FROM = 1500;

  /**
   * One kept answer.
   *
   * @param contentType its media type
   * @param body its bytes
   * @param gzip the same bytes gzip-compressed, or null where compression does not pay
   */
  private record Answer(String contentType, byte[] body, byte[] gzip) {
    static Answer of(String contentType, byte[] body) {
      if (body.length < GZIP_FROM) {
        return new Answer(contentType, body, null);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Answer(contentType, body, out.toByteArray());
    }

    /** Writes itself with its length, compressed where the client accepts gzip. */
    void send(Context ctx) throws IOException {
      String accepted = ctx.header("Accept-Encoding");
      boolean compressed = gzip != null && accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
      byte[] bytes = compressed ? gzip : body;
      HttpServletResponse res = ctx.res();
      res.setStatus(200);
      res.setContentType(contentType);
      res.setHeader("Vary", "Accept-Encoding");
      if (compressed) {
        res.setHeader("Content-Encoding", "gzip");
      }
      res.setContentLength(bytes.length);
      res.getOutputStream().write(bytes);
    }
  }

  /** The answers of one generation. */
  private record Generation(long id, ConcurrentHashMap<String, Answer> answers, AtomicLong bytes) {
    Generation(long id) {
      this(id, new ConcurrentHashMap<>(), new AtomicLong());
    }
  }

  private final SnapshotStore store;
  private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(-1));
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  ResponseCache(SnapshotStore store, Metrics metrics) {
    this.store = store;
    metrics.gauge("govpulse_api_response_cache", "Answers served from the response cache (hit) or made (miss) "
        + "since start, and answers kept for the served snapshot (entries).", () -> java.util.Map.of(
        Metrics.labels("outcome", "hit"), hits.get(), Metrics.labels("outcome", "miss"), misses.get(),
        Metrics.labels("outcome", "entries"), current.get().answers().size()));
  }

  /** The handler answering from the cache, or running {@code handler} and keeping its answer. */
  Handler wrap(Handler handler) {
    return ctx -> {
      // the generation is read before the answer is made: an answer kept under it is never older than it
      long generation = store.current().generation();
      String key = ctx.path() + '?' + (ctx.queryString() == null ? "" : ctx.queryString());
      Generation g = current.get();
      Answer a = g.id() == generation ? g.answers().get(key) : null;
      if (a != null) {
        hits.incrementAndGet();
        a.send(ctx);
        return;
      }
      misses.incrementAndGet();
      handler.handle(ctx);
      if (ctx.statusCode() == 200) {
        keep(generation, key, ctx);
      }
    };
  }

  /** Keeps a 200 answer made by the route's handler and sends it the way kept answers are sent. */
  private void keep(long generation, String key, Context ctx) throws IOException {
    InputStream in = ctx.resultInputStream();
    if (in == null) {
      return;
    }
    Answer a = Answer.of(ctx.res().getContentType() == null ? "application/json" : ctx.res().getContentType(),
        in.readAllBytes());
    ctx.result(new byte[0]);
    a.send(ctx);
    Generation g = current.updateAndGet(c -> c.id() < generation ? new Generation(generation) : c);
    if (g.id() != generation || g.answers().size() >= MAX_ENTRIES
        || g.bytes().addAndGet(a.body().length + (a.gzip() == null ? 0 : a.gzip().length)) > MAX_BYTES) {
      return;
    }
    g.answers().putIfAbsent(key, a);
  }
}
