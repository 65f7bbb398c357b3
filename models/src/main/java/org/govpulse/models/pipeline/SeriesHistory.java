package org.govpulse.models.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.govpulse.core.time.Frequency;
import org.govpulse.core.time.Period;
import org.govpulse.models.forecast.TimeSeries;

/**
 * The observed values of one panel series (region x indicator at the indicator's own frequency), with the
 * statistical definition each value was reported under.
 */
public final class SeriesHistory {
  /** One observation. */
  public record Point(Period period, double value, int definition) {}

  private final String regionCode;
  private final String indicatorCode;
  private final Frequency frequency;
  private final TreeMap<Period, Point> points = new TreeMap<>();

  public SeriesHistory(String regionCode, String indicatorCode, Frequency frequency) {
    this.regionCode = regionCode;
    this.indicatorCode = indicatorCode;
    this.frequency = frequency;
  }

  /** The id used for this series in forecasts: region|indicator|frequency. */
  public static String id(String region, String indicator, Frequency frequency) {
    return region + "|" + indicator + "|" + frequency.code();
  }

  public String id() {
    return id(regionCode, indicatorCode, frequency);
  }

  public String regionCode() {
    return regionCode;
  }

  public String indicatorCode() {
    return indicatorCode;
  }

  public Frequency frequency() {
    return frequency;
  }

  public SeriesHistory add(Period period, double value, int definition) {
    points.put(period, new Point(period, value, definition));
    return this;
  }

  public List<Point> points() {
    return List.copyOf(points.values());
  }

  public Optional<Period> last() {
    return points.isEmpty() ? Optional.empty() : Optional.of(points.lastKey());
  }

  /** The value of a period, if observed. */
  public Optional<Double> value(Period period) {
    return Optional.ofNullable(points.get(period)).map(Point::value);
  }

  /** The history as it was known at the end of {@code asOf}: later periods removed. */
  public SeriesHistory asOf(Period asOf) {
    SeriesHistory h = new SeriesHistory(regionCode, indicatorCode, frequency);
    points.headMap(lastWithin(asOf), true).values()
        .forEach(p -> h.add(p.period(), p.value(), p.definition()));
    return h;
  }

  /** The last period of this series' frequency that ends no later than {@code asOf} ends. */
  private Period lastWithin(Period asOf) {
    Period candidate = Period.containing(frequency, asOf.end());
    return candidate.end().isAfter(asOf.end()) ? candidate.plus(-1) : candidate;
  }

  /**
   * The series to forecast: the unbroken run of consecutive periods that ends with the last observation, cut at the
   * last change of statistical definition when what follows the change is long enough on its own (so that two
   * definitions are not silently joined). Empty when fewer than {@code minimumLength} values remain.
   */
  public Optional<Segment> forecastable(int minimumLength) {
    List<Point> run = new ArrayList<>();
    Period expected = null;
    for (Point p : points.descendingMap().values()) {
      if (expected != null && !p.period().equals(expected)) {
        break;
      }
      run.add(0, p);
      expected = p.period().plus(-1);
    }
    boolean joinsDefinitions = false;
    int cut = 0;
    for (int i = run.size() - 1; i > 0; i--) {
      if (run.get(i).definition() != run.get(i - 1).definition()) {
        if (run.size() - i >= minimumLength) {
          cut = i;
        } else {
          joinsDefinitions = true;
        }
        break;
      }
    }
    List<Point> used = run.subList(cut, run.size());
    if (used.size() < minimumLength) {
      return Optional.empty();
    }
    double[] values = used.stream().mapToDouble(Point::value).toArray();
    return Optional.of(new Segment(TimeSeries.starting(used.get(0).period(), values), joinsDefinitions));
  }

  /**
   * A forecastable segment.
   *
   * @param series the values
   * @param joinsDefinitions true when it spans a definition change too recent to cut at (a caveat for warnings)
   */
  public record Segment(TimeSeries series, boolean joinsDefinitions) {}
}
