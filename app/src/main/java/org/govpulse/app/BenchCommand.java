package org.govpulse.app;

import org.govpulse.analytics.bench.AnalyticsBenchmark;
import org.govpulse.analytics.bench.SensorJobsBenchmark;
import org.govpulse.app.bench.ApiBenchmark;
import org.govpulse.app.bench.IngestBenchmark;
import org.govpulse.app.bench.PipelineBenchmark;
import org.govpulse.app.bench.SentimentBenchmark;
import org.govpulse.models.forecast.m3.M3Benchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code govpulse bench}: benchmarks that print figures (medians of several runs against a reference). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
    subcommands = {IngestBenchmark.class, AnalyticsBenchmark.class, SensorJobsBenchmark.class,
        SentimentBenchmark.class, M3Benchmark.class, ApiBenchmark.class, PipelineBenchmark.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
