package org.govpulse.models.forecast.m3;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govpulse.core.error.Errors;
import org.govpulse.models.forecast.TimeSeries;

/**
 * Reads the M3 data set from its folder: {@code m3_series_meta.csv} for ids, categories and seasonal periods, and
 * {@code m3_values_long.csv} for the values (train and test parts).
 */
public final class M3Data {
  static final String META = "m3_series_meta.csv";
  static final String VALUES = "m3_values_long.csv";
  static final String ORIGINAL_FORECASTS = "m3_original_forecasts_24methods.csv";
  static final String PUBLISHED_SMAPE = "m3_smape_recomputed_from_original_forecasts.csv";

  private M3Data() {}

  /** All series in file order. */
  public static List<M3Series> read(Path dir) {
    Map<String, String[]> meta = new LinkedHashMap<>();
    for (String[] row : rows(dir.resolve(META))) {
      meta.put(row[0], row);
    }
    Map<String, List<Double>> train = new HashMap<>();
    Map<String, List<Double>> test = new HashMap<>();
    for (String[] row : rows(dir.resolve(VALUES))) {
      Map<String, List<Double>> target = "train".equals(row[2]) ? train : test;
      target.computeIfAbsent(row[0], k -> new ArrayList<>()).add(Double.parseDouble(row[5]));
    }
    List<M3Series> out = new ArrayList<>();
    for (String[] m : meta.values()) {
      String id = m[0];
      int period = Integer.parseInt(m[6]);
      out.add(new M3Series(id, m[2], TimeSeries.of(period, toArray(train.get(id))), toArray(test.get(id))));
    }
    return out;
  }

  /** The rows of a CSV file without its header; fields split on commas outside double quotes. */
  static List<String[]> rows(Path file) {
    if (!Files.isRegularFile(file)) {
      throw Errors.invalidInput("The M3 file " + file + " does not exist",
          "the benchmark reads the M3 data set from the folder given with --data",
          "Pass the folder that holds " + META + " and " + VALUES + " (default /work/shared/datasets/m3)");
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(split(line));
        }
      }
    } catch (IOException e) {
      throw Errors.internal("Reading " + file, e);
    }
    return rows;
  }

  private static String[] split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    fields.add(sb.toString());
    return fields.toArray(new String[0]);
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
