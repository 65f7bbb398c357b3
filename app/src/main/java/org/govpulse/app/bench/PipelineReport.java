package org.govpulse.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import org.govpulse.app.PipelineStage;

/**
 * The figures of the pipeline benchmark as markdown tables (input sizes, seconds and peak memory per stage, the
 * growth from one scale to the next, the single-machine reference) and as CSV. Pure: it only formats the
 * measures it is given, so it is tested without running anything.
 */
final class PipelineReport {
  static final String LANDING_RECORDS = "landing_records";
  static final String READINGS = "sensor_readings";
  static final String REPORT_ROWS = "report_rows";
  static final String POSTS = "posts";
  static final String LABELLED_POSTS = "labelled_posts";
  static final String SERIES = "forecast_series";
  static final String AIR_QUALITY_MS = "air_quality_ms";
  static final String STATION_DAYS = "station_days";
  static final String REFERENCE_READINGS = "reference_readings";

  /** The input sizes of a scale, in table order, with their labels. */
  static final Map<String, String> SIZES = sizes();

  /** Step names besides the pipeline stages. */
  static final String GENERATE = "generate";
  static final String DUCKDB = "duckdb";
  static final String SPARK_REFERENCE = "spark-reference";

  /** The input each stage's time is compared with in the growth table. */
  static final Map<PipelineStage, String> MAIN_INPUT = mainInputs();

  private static Map<String, String> sizes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(LANDING_RECORDS, "landing records");
    m.put(READINGS, "sensor readings");
    m.put(REPORT_ROWS, "report rows");
    m.put(POSTS, "posts");
    m.put(LABELLED_POSTS, "labelled posts");
    m.put(SERIES, "forecast series");
    return m;
  }

  private static Map<PipelineStage, String> mainInputs() {
    Map<PipelineStage, String> m = new EnumMap<>(PipelineStage.class);
    m.put(PipelineStage.INGEST, LANDING_RECORDS);
    m.put(PipelineStage.TRAIN_SENTIMENT, LABELLED_POSTS);
    m.put(PipelineStage.SCORE_SENTIMENT, POSTS);
    m.put(PipelineStage.ANALYZE, READINGS);
    m.put(PipelineStage.TRAIN_MODELS, SERIES);
    m.put(PipelineStage.FORECAST, SERIES);
    m.put(PipelineStage.WARN, SERIES);
    return m;
  }

  /**
   * One step measured in its own JVM.
   *
   * @param seconds wall time of the step, JVM and Spark start excluded
   * @param cpu CPU seconds of the process meanwhile (all threads)
   * @param setup seconds to start the SparkSession (0 for a step without Spark)
   * @param peakRssMb peak resident memory of the JVM (VmHWM), MiB
   * @param load the machine's load average when the step ended (the machine may be shared)
   * @param sizes input sizes the step reported
   */
  record Measure(double scale, int run, String step, double seconds, double cpu, double setup, long peakRssMb,
      double load, Map<String, Long> sizes) {

    /** From the key-value pairs a {@link PipelineWorker} prints. */
    static Measure of(double scale, int run, String step, Map<String, String> values) {
      Map<String, Long> sizes = new LinkedHashMap<>();
      values.forEach((k, v) -> {
        if (!List.of("seconds", "cpu", "setup", "peak_rss_mb", "load").contains(k)) {
          sizes.put(k, Long.parseLong(v));
        }
      });
      return new Measure(scale, run, step, Double.parseDouble(values.get("seconds")),
          Double.parseDouble(values.get("cpu")), Double.parseDouble(values.getOrDefault("setup", "0")),
          Long.parseLong(values.get("peak_rss_mb")), Double.parseDouble(values.getOrDefault("load", "NaN")), sizes);
    }
  }

  private final List<Measure> measures;
  private final List<Double> scales;

  PipelineReport(List<Measure> measures) {
    this.measures = List.copyOf(measures);
    this.scales = new ArrayList<>(new TreeSet<>(measures.stream().map(Measure::scale).toList()));
  }

  /** Every table, with a heading line each. */
  String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("Input sizes (generate: seconds to write the city, not part of the pipeline)\n\n")
        .append(sizesTable()).append("\nSeconds per stage (medians of ").append(runs())
        .append(" run(s); each stage in its own JVM; start = JVM-internal SparkSession start, not in the wall time)\n\n")
        .append(stagesTable());
    if (scales.size() > 1) {
      sb.append("\nGrowth from each scale to the next: wall and CPU time ratios of the stage beside the ratio of its main "
          + "input (CPU seconds are steadier on a shared machine); exponent = log(time ratio) / log(input ratio) "
          + "from the first scale to the last (1 = linear, 0 = fixed "
          + "cost; - when the input grew less than " + ratio(MIN_INPUT_RATIO) + ")\n\n").append(growthTable());
    }
    String reference = referenceTable();
    if (!reference.isEmpty()) {
      sb.append("\nReference on the largest scale: daily mean per station, pollutant and local day from the landing "
          + "sensor files, same SQL in both engines (medians)\n\n").append(reference);
    }
    return sb.toString();
  }

  String sizesTable() {
    StringBuilder sb = new StringBuilder("| scale | ");
    sb.append(String.join(" | ", SIZES.values())).append(" | generate s |\n|---|");
    sb.append("---:|".repeat(SIZES.size() + 1)).append('\n');
    for (double scale : scales) {
      sb.append("| ").append(scale(scale)).append(" | ");
      for (String key : SIZES.keySet()) {
        long n = size(scale, key);
        sb.append(n < 0 ? "-" : String.format(Locale.ROOT, "%,d", n)).append(" | ");
      }
      sb.append(number(median(scale, GENERATE, Measure::seconds), 1)).append(" |\n");
    }
    return sb.toString();
  }

  String stagesTable() {
    StringBuilder sb = new StringBuilder(
        "| scale | stage | wall s | CPU s | start s | peak RSS MiB | load |\n|---:|---|---:|---:|---:|---:|---:|\n");
    for (double scale : scales) {
      double wall = 0;
      double cpu = 0;
      double start = 0;
      long rss = 0;
      for (PipelineStage stage : PipelineStage.values()) {
        String step = stage.shortName();
        double w = median(scale, step, Measure::seconds);
        double c = median(scale, step, Measure::cpu);
        double s = median(scale, step, Measure::setup);
        long r = Math.round(median(scale, step, m -> m.peakRssMb()));
        wall += w;
        cpu += c;
        start += s;
        rss = Math.max(rss, r);
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,d | %s |%n", scale(scale), step,
            number(w, 1), number(c, 1), number(s, 1), r, number(median(scale, step, Measure::load), 1)));
      }
      sb.append(String.format(Locale.ROOT, "| %s | **pipeline** | **%s** | %s | %s | %,d (max) | |%n", scale(scale),
          number(wall, 1), number(cpu, 1), number(start, 1), rss));
    }
    return sb.toString();
  }

  String growthTable() {
    StringBuilder sb = new StringBuilder("| stage | main input |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (int i = 1; i < scales.size(); i++) {
      String step = scale(scales.get(i - 1)) + "→" + scale(scales.get(i));
      sb.append(' ').append(step).append(" wall | ").append(step).append(" CPU | ").append(step).append(" input |");
      rule.append("---:|---:|---:|");
    }
    sb.append(" exponent wall | exponent CPU |\n").append(rule).append("---:|---:|\n");
    for (PipelineStage stage : PipelineStage.values()) {
      growthRow(sb, stage.shortName(), MAIN_INPUT.get(stage), i -> median(scales.get(i), stage.shortName(),
          Measure::seconds), i -> median(scales.get(i), stage.shortName(), Measure::cpu));
    }
    growthRow(sb, "**pipeline**", LANDING_RECORDS, i -> total(scales.get(i), Measure::seconds),
        i -> total(scales.get(i), Measure::cpu));
    return sb.toString();
  }

  private void growthRow(StringBuilder sb, String name, String input, IntToDoubleFunction wall,
      IntToDoubleFunction cpu) {
    sb.append("| ").append(name).append(" | ").append(SIZES.get(input)).append(" |");
    for (int i = 1; i < scales.size(); i++) {
      sb.append(' ').append(ratio(wall.applyAsDouble(i) / wall.applyAsDouble(i - 1))).append(" | ")
          .append(ratio(cpu.applyAsDouble(i) / cpu.applyAsDouble(i - 1))).append(" | ")
          .append(ratio(sizeRatio(input, i - 1, i))).append(" |");
    }
    int last = scales.size() - 1;
    double inputs = sizeRatio(input, 0, last);
    sb.append(' ').append(number(exponent(wall.applyAsDouble(last) / wall.applyAsDouble(0), inputs), 2))
        .append(" | ").append(number(exponent(cpu.applyAsDouble(last) / cpu.applyAsDouble(0), inputs), 2))
        .append(" |\n");
  }

  /** The sum over the pipeline's stages of the medians of a value. */
  private double total(double scale, ToDoubleFunction<Measure> value) {
    double sum = 0;
    for (PipelineStage stage : PipelineStage.values()) {
      sum += median(scale, stage.shortName(), value);
    }
    return sum;
  }

  /** The DuckDB and Spark reference on the largest scale, with the stages that do this work and more. */
  String referenceTable() {
    double scale = scales.isEmpty() ? Double.NaN : scales.get(scales.size() - 1);
    double duck = median(scale, DUCKDB, Measure::seconds);
    if (Double.isNaN(duck)) {
      return "";
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "| scale %s | seconds | x DuckDB | start s | peak RSS MiB | station-days | readings |%n"
            + "|---|---:|---:|---:|---:|---:|---:|%n", scale(scale)));
    for (String[] row : List.of(new String[] {DUCKDB, "DuckDB (2 threads), landing CSV"},
        new String[] {SPARK_REFERENCE, "Spark (local), same SQL, landing CSV"})) {
      double s = median(scale, row[0], Measure::seconds);
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %,d | %s | %s |%n", row[1], number(s, 2),
          ratio(s / duck), number(median(scale, row[0], Measure::setup), 1),
          Math.round(median(scale, row[0], m -> m.peakRssMb())), count(size(scale, STATION_DAYS, row[0])),
          count(size(scale, REFERENCE_READINGS, row[0]))));
    }
    double air = median(scale, PipelineStage.ANALYZE.shortName(), m -> m.sizes().getOrDefault(AIR_QUALITY_MS,
        -1L) / 1000.0);
    if (air >= 0) {
      sb.append(String.format(Locale.ROOT, "| analyze, its air_quality stage (from silver, 3 gold tables) | %s | %s"
          + " | | | | |%n", number(air, 2), ratio(air / duck)));
    }
    double ingest = median(scale, PipelineStage.INGEST.shortName(), Measure::seconds);
    sb.append(String.format(Locale.ROOT, "| ingest stage (every source, bronze, silver, quarantine) | %s | %s | | | |"
        + " %s |%n", number(ingest, 1), ratio(ingest / duck), count(size(scale, READINGS))));
    return sb.toString();
  }

  /** One line per measure, every size a column. */
  String csv() {
    List<String> keys = measures.stream().flatMap(m -> m.sizes().keySet().stream()).distinct().toList();
    StringBuilder sb = new StringBuilder("scale,run,step,seconds,cpu_seconds,start_seconds,peak_rss_mb,load");
    keys.forEach(k -> sb.append(',').append(k));
    sb.append('\n');
    for (Measure m : measures) {
      sb.append(String.format(Locale.ROOT, "%s,%d,%s,%.2f,%.2f,%.2f,%d,%.2f", scale(m.scale()), m.run(), m.step(),
          m.seconds(), m.cpu(), m.setup(), m.peakRssMb(), m.load()));
      keys.forEach(k -> sb.append(',').append(m.sizes().containsKey(k) ? m.sizes().get(k).toString() : ""));
      sb.append('\n');
    }
    return sb.toString();
  }

  /** An input must grow (or shrink) by this factor at least for an exponent to mean anything. */
  static final double MIN_INPUT_RATIO = 1.25;

  /** The measures of a {@link #csv()} text, for rendering the tables again from a benchmark's pipeline.csv. */
  static List<Measure> parseCsv(String csv) {
    String[] lines = csv.strip().split("\n");
    String[] header = lines[0].split(",", -1);
    List<String> expected = List.of("scale", "run", "step", "seconds", "cpu_seconds", "start_seconds", "peak_rss_mb",
        "load");
    if (header.length < expected.size() || !Arrays.asList(header).subList(0, expected.size()).equals(expected)) {
      throw new IllegalArgumentException("not a pipeline benchmark CSV: its header is '" + lines[0] + "', expected "
          + "it to start with " + String.join(",", expected));
    }
    Map<String, String> keys = Map.of("cpu_seconds", "cpu", "start_seconds", "setup");
    List<Measure> measures = new ArrayList<>();
    for (int l = 1; l < lines.length; l++) {
      String[] cells = lines[l].split(",", -1);
      Map<String, String> values = new LinkedHashMap<>();
      for (int c = 3; c < header.length; c++) {
        if (!cells[c].isEmpty()) {
          values.put(keys.getOrDefault(header[c], header[c]), cells[c]);
        }
      }
      measures.add(Measure.of(Double.parseDouble(cells[0]), Integer.parseInt(cells[1]), cells[2], values));
    }
    return measures;
  }

  /**
   * How a cost grows with its input: {@code log(timeRatio) / log(inputRatio)}, 1 for linear growth, 0 for a fixed
   * cost; NaN when the input changed by less than {@link #MIN_INPUT_RATIO} (the noise of the time would then be
   * all the exponent says) or a ratio is not a finite positive number.
   */
  static double exponent(double timeRatio, double inputRatio) {
    if (!(timeRatio > 0) || !(inputRatio > 0) || Math.abs(Math.log(inputRatio)) < Math.log(MIN_INPUT_RATIO)
        || Double.isInfinite(timeRatio) || Double.isInfinite(inputRatio)) {
      return Double.NaN;
    }
    return Math.log(timeRatio) / Math.log(inputRatio);
  }

  /** {@code 2.04x}, or {@code -} when not a finite positive number. */
  static String ratio(double r) {
    return Double.isFinite(r) && r > 0 ? String.format(Locale.ROOT, "%.2fx", r) : "-";
  }

  /** The median of the values, NaN for none. */
  static double median(double... values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** {@code 0.5}, {@code 1}, {@code 16}: a scale without a trailing {@code .0}. */
  static String scale(double s) {
    return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
  }

  private int runs() {
    return (int) measures.stream().filter(m -> m.step().equals(PipelineStage.INGEST.shortName()))
        .mapToInt(Measure::run).distinct().count();
  }

  /** The size at scale {@code to} over the size at scale {@code from} (indexes), NaN when either is unknown. */
  private double sizeRatio(String key, int from, int to) {
    long a = size(scales.get(from), key);
    long b = size(scales.get(to), key);
    return a > 0 && b >= 0 ? b / (double) a : Double.NaN;
  }

  private double median(double scale, String step, ToDoubleFunction<Measure> value) {
    return median(measures.stream().filter(m -> m.scale() == scale && m.step().equals(step)).mapToDouble(value)
        .toArray());
  }

  /** The size as the step that reports it said (any run; runs of one scale read the same city), -1 if unknown. */
  private long size(double scale, String key) {
    return measures.stream().filter(m -> m.scale() == scale && m.sizes().containsKey(key))
        .mapToLong(m -> m.sizes().get(key)).findFirst().orElse(-1L);
  }

  private long size(double scale, String key, String step) {
    return measures.stream().filter(m -> m.scale() == scale && m.step().equals(step) && m.sizes().containsKey(key))
        .mapToLong(m -> m.sizes().get(key)).findFirst().orElse(-1L);
  }

  private static String count(long n) {
    return n < 0 ? "-" : String.format(Locale.ROOT, "%,d", n);
  }

  private static String number(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
  }
}
