package org.govpulse.analytics.audit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.govpulse.core.time.Period;

/**
 * One reported series (a region's values of one indicator), in period order, as the series tests read it.
 *
 * @param regionCode region
 * @param deptCode reporting department
 * @param points values in period order
 */
public record Series(String regionCode, String deptCode, List<Point> points) implements Serializable {

  /**
   * One value of a series.
   *
   * @param period canonical period
   * @param value value in the canonical unit
   * @param written the value as written in the report (digits as submitted), or null
   */
  public record Point(Period period, double value, String written) implements Serializable {}

  public Series {
    points = points.stream().sorted(Comparator.comparing(Point::period)).toList();
  }

  /** The values of each year, in period order. */
  public Map<Integer, List<Point>> byYear() {
    Map<Integer, List<Point>> out = new TreeMap<>();
    for (Point p : points) {
      out.computeIfAbsent(p.period().year(), y -> new ArrayList<>()).add(p);
    }
    return out;
  }

  /** The values as an array, in period order. */
  public static double[] values(List<Point> points) {
    return points.stream().mapToDouble(Point::value).toArray();
  }
}
