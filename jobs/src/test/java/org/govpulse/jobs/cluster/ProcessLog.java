package org.govpulse.jobs.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merged output of a child process, copied to a log file by a reader thread, with waits on log lines: a test
 * waits for "registered with master" instead of sleeping. A wait also ends, with the log's tail, when the process
 * exits without printing the line.
 */
final class ProcessLog {
  private static final int TAIL = 60;

  private final String name;
  private final Process process;
  private final Path file;
  private final Deque<String> tail = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();

  private record Waiter(Pattern pattern, CompletableFuture<Matcher> found) {}

  ProcessLog(String name, Process process, Path file) {
    this.name = name;
    this.process = process;
    this.file = file;
    Thread reader = new Thread(this::copy, "log-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  private void copy() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        out.flush();
        synchronized (this) {
          tail.addLast(line);
          if (tail.size() > TAIL) {
            tail.removeFirst();
          }
          for (Waiter w : waiters) {
            Matcher m = w.pattern().matcher(line);
            if (!w.found().isDone() && m.find()) {
              w.found().complete(m);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      drained.complete(null);
      synchronized (this) {
        waiters.forEach(w -> w.found().completeExceptionally(new IllegalStateException(
            name + " ended (exit " + exitCode() + ") before logging /" + w.pattern() + "/; its last lines:\n"
                + tailText())));
      }
    }
  }

  /** Waits until a line matches, and returns the match; fails with the log's tail on timeout or exit. */
  Matcher await(String regex, Duration timeout) {
    CompletableFuture<Matcher> found = new CompletableFuture<>();
    synchronized (this) {
      waiters.add(new Waiter(Pattern.compile(regex), found));
      if (drained.isDone()) {
        found.completeExceptionally(new IllegalStateException(name + " has already ended:\n" + tailText()));
      }
    }
    try {
      return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(name + " did not log /" + regex + "/ within " + timeout + "; its last lines:\n"
          + tailText(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the process to end and its output to be copied; returns its exit code. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " did not finish within " + timeout + "; its last lines:\n"
            + tailText());
      }
      drained.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(name + ": output not drained", e);
    }
  }

  synchronized String tailText() {
    return String.join("\n", tail);
  }

  Path file() {
    return file;
  }

  private String exitCode() {
    return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
  }
}
