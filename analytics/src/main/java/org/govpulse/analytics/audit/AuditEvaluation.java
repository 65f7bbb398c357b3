package org.govpulse.analytics.audit;

import static org.govpulse.core.table.Col.*;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.govpulse.analytics.sensors.Severity;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.time.Period;
import org.govpulse.ingestion.landing.CsvRecordReader;
import org.govpulse.ingestion.samplecity.PlantedItem;
import org.govpulse.ingestion.samplecity.PlantedKind;

/**
 * Scores audit findings against the falsifications planted in the sample city (ground_truth/planted.csv).
 *
 * <p>A planted falsification is found when a finding of a kind that reveals it names the same department (late
 * reporting) or the same region and indicator with overlapping periods (everything else). Recall per planted kind is
 * the share of its plants found; precision is the share of the findings of its finding kinds that match one of its
 * plants. Findings of kinds that no plant stands for (Benford deviations, contradictions with non-sensor sources)
 * are listed apart: on the sample city every one of them is a false alarm and they count in the overall precision.
 * Planted troubles and sensor faults are real events, not falsifications; a finding on them is a false alarm too.
 */
public final class AuditEvaluation {
  /** Which finding kinds reveal each kind of falsification. */
  public static final Map<PlantedKind, Set<FindingKind>> REVEALED_BY = revealedBy();

  private AuditEvaluation() {}

  private static Map<PlantedKind, Set<FindingKind>> revealedBy() {
    Map<PlantedKind, Set<FindingKind>> m = new LinkedHashMap<>();
    m.put(PlantedKind.LATE_REPORTING, EnumSet.of(FindingKind.LATE_REPORTING, FindingKind.MISSING_REPORTS));
    m.put(PlantedKind.SENSOR_CONTRADICTION, EnumSet.of(FindingKind.SENSOR_CONTRADICTION));
    m.put(PlantedKind.DIGIT_PREFERENCE, EnumSet.of(FindingKind.DIGIT_PREFERENCE));
    m.put(PlantedKind.SMOOTH_SERIES, EnumSet.of(FindingKind.SMOOTH_SERIES));
    m.put(PlantedKind.SUSPICIOUS_REVISION, EnumSet.of(FindingKind.SUSPICIOUS_REVISION));
    m.put(PlantedKind.PERIOD_END_SPIKE, EnumSet.of(FindingKind.PERIOD_END_SPIKE));
    m.put(PlantedKind.INFLATED, EnumSet.of(FindingKind.RATIO_OUTLIER));
    return Map.copyOf(m);
  }

  /**
   * The score of one planted kind.
   *
   * @param kind planted kind
   * @param planted plants of that kind
   * @param found plants matched by at least one finding
   * @param findings findings of the kinds that reveal it
   * @param trueFindings of those, the ones matching a plant of the kind
   * @param missed plants not found, as "region indicator periods"
   * @param falseAlarms findings matching none of the plants, as "kind: evidence"
   */
  public record Score(String kind, int planted, int found, int findings, int trueFindings, List<String> missed,
      List<String> falseAlarms) {
    /** found / planted (NaN without plants). */
    public double recall() {
      return planted == 0 ? Double.NaN : (double) found / planted;
    }

    /** trueFindings / findings (NaN without findings). */
    public double precision() {
      return findings == 0 ? Double.NaN : (double) trueFindings / findings;
    }
  }

  /**
   * The whole evaluation.
   *
   * @param scores one per falsification kind, in a fixed order
   * @param unmatchedKinds findings of kinds no plant stands for, as "kind: evidence"
   */
  public record Result(List<Score> scores, List<String> unmatchedKinds) {
    /** Plants found over plants. */
    public double recall() {
      int planted = scores.stream().mapToInt(Score::planted).sum();
      return planted == 0 ? Double.NaN : (double) scores.stream().mapToInt(Score::found).sum() / planted;
    }

    /** True findings over every finding, including kinds no plant stands for. */
    public double precision() {
      int all = scores.stream().mapToInt(Score::findings).sum() + unmatchedKinds.size();
      return all == 0 ? Double.NaN : (double) scores.stream().mapToInt(Score::trueFindings).sum() / all;
    }

    /** The score of a planted kind code. */
    public Score score(String kind) {
      return scores.stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
    }

    /** A table with one row per kind, the totals, and every miss and false alarm. */
    public String report() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-22s %8s %6s %9s %6s %7s %9s%n",
          "planted kind", "planted", "found", "findings", "true", "recall", "precision"));
      for (Score s : scores) {
        sb.append(String.format(Locale.ROOT, "%-22s %8d %6d %9d %6d %7s %9s%n", s.kind(), s.planted(), s.found(),
            s.findings(), s.trueFindings(), pct(s.recall()), pct(s.precision())));
      }
      int planted = scores.stream().mapToInt(Score::planted).sum();
      int found = scores.stream().mapToInt(Score::found).sum();
      int findings = scores.stream().mapToInt(Score::findings).sum() + unmatchedKinds.size();
      int trueFindings = scores.stream().mapToInt(Score::trueFindings).sum();
      sb.append(String.format(Locale.ROOT, "%-22s %8s %6s %9d %6s%n", "(no planted kind)", "", "",
          unmatchedKinds.size(), "0"));
      sb.append(String.format(Locale.ROOT, "%-22s %8d %6d %9d %6d %7s %9s%n", "all", planted, found, findings,
          trueFindings, pct(recall()), pct(precision())));
      for (Score s : scores) {
        s.missed().forEach(m -> sb.append("missed ").append(s.kind()).append(": ").append(m).append('\n'));
        s.falseAlarms().forEach(f -> sb.append("false alarm (").append(s.kind()).append("): ").append(f)
            .append('\n'));
      }
      unmatchedKinds.forEach(f -> sb.append("false alarm (no planted kind): ").append(f).append('\n'));
      return sb.toString().stripTrailing();
    }

    private static String pct(double v) {
      return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
  }

  /** Scores the findings against the plants. */
  public static Result score(List<PlantedItem> planted, List<Finding> findings) {
    List<Score> scores = new ArrayList<>();
    Set<FindingKind> scored = EnumSet.noneOf(FindingKind.class);
    for (PlantedKind kind : PlantedKind.values()) {
      Set<FindingKind> kinds = REVEALED_BY.get(kind);
      if (kind.group() != PlantedKind.Group.FALSIFICATION || kinds == null) {
        continue;
      }
      scored.addAll(kinds);
      List<PlantedItem> plants = planted.stream().filter(p -> p.kind() == kind).toList();
      List<Finding> candidates = findings.stream().filter(f -> kinds.contains(f.kind())).toList();
      List<String> missed = new ArrayList<>();
      int found = 0;
      for (PlantedItem p : plants) {
        if (candidates.stream().anyMatch(f -> matches(p, f))) {
          found++;
        } else {
          missed.add(describe(p));
        }
      }
      List<String> falseAlarms = new ArrayList<>();
      int trueFindings = 0;
      for (Finding f : candidates) {
        if (plants.stream().anyMatch(p -> matches(p, f))) {
          trueFindings++;
        } else {
          falseAlarms.add(f.kind().code() + ": " + f.evidence());
        }
      }
      scores.add(new Score(kind.code(), plants.size(), found, candidates.size(), trueFindings, missed, falseAlarms));
    }
    List<String> unmatched = findings.stream().filter(f -> !scored.contains(f.kind()))
        .map(f -> f.kind().code() + ": " + f.evidence()).toList();
    return new Result(scores, unmatched);
  }

  /** Same department (when the plant names no region), or same region and indicator with overlapping periods. */
  static boolean matches(PlantedItem p, Finding f) {
    if (p.regionCode().isEmpty()) {
      return p.deptCode().equals(f.deptCode());
    }
    return p.regionCode().equals(f.regionCode()) && p.indicatorCode().equals(f.indicatorCode())
        && overlaps(p.periodFrom(), p.periodTo(), f.periodFrom(), f.periodTo());
  }

  private static boolean overlaps(String pFrom, String pTo, String fFrom, String fTo) {
    if (fFrom == null && fTo == null) {
      return true;
    }
    LocalDate fStart = Period.parseCanonical(fFrom != null ? fFrom : fTo).start();
    LocalDate fEnd = Period.parseCanonical(fTo != null ? fTo : fFrom).end();
    LocalDate pStart = Period.parseCanonical(pFrom).start();
    LocalDate pEnd = Period.parseCanonical(pTo.isEmpty() ? pFrom : pTo).end();
    return !fStart.isAfter(pEnd) && !pStart.isAfter(fEnd);
  }

  private static String describe(PlantedItem p) {
    return String.join(" ", Arrays.stream(new String[] {p.plantedId(), p.deptCode(), p.regionCode(),
        p.indicatorCode(), p.periodFrom() + ".." + p.periodTo()}).filter(s -> !s.isEmpty()).toList())
        + " (" + p.detail() + ")";
  }

  /** The rows of ground_truth/planted.csv. */
  public static List<PlantedItem> readPlanted(Path groundTruth) {
    Path file = groundTruth.resolve("planted.csv");
    if (!Files.isRegularFile(file)) {
      throw Errors.invalidInput("No ground truth at " + file, "the evaluation compares the findings with the "
          + "planted falsifications listed there", "Pass the ground_truth folder written by `./govpulse generate "
          + "--out DIR` (DIR/ground_truth) with --ground-truth");
    }
    List<PlantedItem> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvRecordReader reader = new CsvRecordReader(in);
      CsvRecordReader.CsvRecord header = reader.next();
      if (header == null || !header.fields().equals(List.of("planted_id", "kind", "region_code", "indicator_code",
          "dept_code", "sensor_id", "period_from", "period_to", "detail"))) {
        throw Errors.invalidInput(file + " is not a planted.csv", "its header is "
            + (header == null ? "missing" : header.fields()), "Pass the ground_truth folder of a generated city");
      }
      for (CsvRecordReader.CsvRecord record = reader.next(); record != null; record = reader.next()) {
        CsvRecordReader.CsvRecord r = record;
        List<String> f = r.fields();
        PlantedKind kind = Arrays.stream(PlantedKind.values()).filter(k -> k.code().equals(f.get(1))).findFirst()
            .orElseThrow(() -> Errors.invalidInput("Unknown planted kind " + f.get(1) + " at line " + r.startLine()
                + " of " + file, "the generator writes the kinds of PlantedKind", "Regenerate the city"));
        out.add(new PlantedItem(f.get(0), kind, f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7),
            f.get(8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The findings stored in gold.quality_findings. */
  public static List<Finding> readFindings(Warehouse warehouse) {
    List<Finding> out = new ArrayList<>();
    for (Row r : warehouse.read(GoldTables.QUALITY_FINDINGS).collectAsList()) {
      FindingKind kind = FindingKind.of(r.getAs(KIND)).orElseThrow(() -> Errors.invalidInput("Unknown finding kind "
          + r.getAs(KIND), "gold.quality_findings holds a kind this version does not know",
          "Re-run `./govpulse analyze` to rewrite the findings"));
      out.add(new Finding(kind, Severity.valueOf(r.<String>getAs(SEVERITY).toUpperCase(Locale.ROOT)),
          r.getAs(DEPT_CODE), r.getAs(REGION_CODE), r.getAs(INDICATOR_CODE), r.getAs(PERIOD_FROM),
          r.getAs(PERIOD_TO), r.getAs(STATISTIC), r.getAs(EVIDENCE)));
    }
    return out;
  }
}
