package org.govpulse.ingestion.samplecity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Air quality of the city: a daily process per district or county, and the hourly readings of its stations.
 *
 * <p>Daily concentrations follow a seasonal climatology (PM high in winter, O3 high in summer), a slow improvement
 * of 4 % a year, a region level (industry, resources, traffic) and two autoregressive weather factors, one shared
 * by the whole city and one per region, so neighbouring regions move together. A station reads the region's daily
 * value times its own bias, a diurnal profile (rush-hour NO2 and PM, afternoon O3) and hourly noise.
 *
 * <p>The monthly "true" {@code PM25_MEAN} and {@code AQ_GOOD_DAYS_RATIO} are what the stations imply whenever they
 * exist: per day, the mean over the region's stations of each station's 24-hour mean (O3: of its daily maximum
 * 8-hour mean) of the readings as written (rounded); the daily AQI of HJ 633-2012 from those; then the monthly mean
 * PM2.5 and the share of days with AQI at most 100. Planted faults (outages, stuck values, spikes, clock skew) and
 * bad records are ignored by the truth. Before the stations' coverage the same recipe runs on the daily process.
 */
final class AirQualityModel {

  static final int PM25 = 0;
  static final int PM10 = 1;
  static final int SO2 = 2;
  static final int NO2 = 3;
  static final int CO = 4;
  static final int O3 = 5;
  static final int POLLUTANTS = 6;

  /** Monthly climatology, January first. */
  private static final double[] CLIM_PM25 = {78, 64, 50, 42, 36, 28, 25, 26, 31, 40, 55, 72};
  private static final double[] CLIM_NO2 = {46, 40, 36, 31, 27, 23, 21, 22, 27, 33, 40, 45};
  private static final double[] SO2_SEASON = {1.5, 1.35, 1.1, 0.9, 0.8, 0.7, 0.7, 0.7, 0.8, 0.95, 1.2, 1.45};
  private static final double[] CLIM_O3 = {62, 72, 92, 112, 130, 140, 136, 130, 120, 98, 78, 62};
  private static final double[] HOURLY_NOISE = {0.15, 0.13, 0.22, 0.2, 0.12, 0.1};

  private static final double[][] SHAPE = diurnalShapes();

  private final Timeline timeline;
  private final RandomStreams streams;
  private final Map<String, Integer> regionIndex = new HashMap<>();
  private final LocalDate coverageStart;
  private final int coverageDays;
  /** Daily region concentrations inside the sensor coverage: [region][day][pollutant]. */
  private final double[][][] coverageDaily;
  /** Monthly truth for every simulated month: [region][month since simulation start]. */
  private final double[][] monthlyPm25;
  private final double[][] monthlyGoodShare;
  private final Map<String, double[]> stationBias = new HashMap<>();

  AirQualityModel(Regions regions, SensorNetwork network, Timeline timeline, RandomStreams streams) {
    this.timeline = timeline;
    this.streams = streams;
    List<Region> districts = regions.districts();
    for (int i = 0; i < districts.size(); i++) {
      regionIndex.put(districts.get(i).code(), i);
    }
    this.coverageStart = timeline.sensorFirstDay();
    this.coverageDays = (int) (timeline.sensorEndExclusive().toEpochDay() - coverageStart.toEpochDay());
    this.coverageDaily = new double[districts.size()][coverageDays][];
    int months = timeline.simPeriods(Frequency.MONTHLY).size();
    this.monthlyPm25 = new double[districts.size()][months];
    this.monthlyGoodShare = new double[districts.size()][months];
    for (Sensor s : network.airStations()) {
      SplittableRandom r = streams.stream("air/station-bias", s.id());
      double[] bias = new double[POLLUTANTS];
      for (int p = 0; p < POLLUTANTS; p++) {
        bias[p] = RandomStreams.uniform(r, 0.88, 1.12);
      }
      stationBias.put(s.id(), bias);
    }
    simulateDailyProcess(districts);
    deriveCoverageMonthsFromStations(districts, network);
  }

  /** True monthly mean PM2.5 of a district or county, µg/m³. */
  double monthlyPm25(String regionCode, YearMonth m) {
    return monthlyPm25[regionIndex.get(regionCode)][monthIndex(m)];
  }

  /** True monthly share of good days (AQI at most 100) of a district or county, percent. */
  double monthlyGoodShare(String regionCode, YearMonth m) {
    return monthlyGoodShare[regionIndex.get(regionCode)][monthIndex(m)];
  }

  /**
   * Clean hourly readings of an air station for one local day, as written (PM, SO2, NO2, O3 with one decimal, CO
   * with two): [pollutant][hour]. The same station and day always give the same values.
   */
  double[][] stationHours(Sensor station, LocalDate day) {
    double[] daily = coverageDaily[regionIndex.get(station.regionCode())][(int) (day.toEpochDay()
        - coverageStart.toEpochDay())];
    double[] bias = stationBias.get(station.id());
    SplittableRandom r = streams.stream("air/station-hour", station.id(), day.toEpochDay());
    double[][] out = new double[POLLUTANTS][24];
    for (int p = 0; p < POLLUTANTS; p++) {
      double decimals = p == CO ? 100.0 : 10.0;
      for (int h = 0; h < 24; h++) {
        double v = daily[p] * bias[p] * SHAPE[p][h] * StrictMath.exp(HOURLY_NOISE[p] * RandomStreams.gaussian(r));
        out[p][h] = Math.max(1 / decimals, Math.round(v * decimals) / decimals);
      }
    }
    return out;
  }

  private int monthIndex(YearMonth m) {
    YearMonth first = timeline.simFirstMonth();
    return (m.getYear() - first.getYear()) * 12 + m.getMonthValue() - first.getMonthValue();
  }

  private void simulateDailyProcess(List<Region> districts) {
    LocalDate first = timeline.simFirstMonth().atDay(1);
    LocalDate endExclusive = timeline.simLastMonth().plusMonths(1).atDay(1);
    int days = (int) (endExclusive.toEpochDay() - first.toEpochDay());
    SplittableRandom city = streams.stream("air/city");
    double[] cityPm = new double[days];
    double[] cityO3 = new double[days];
    double a = 0;
    double b = 0;
    for (int d = 0; d < days; d++) {
      a = 0.7 * a + 0.30 * RandomStreams.gaussian(city);
      b = 0.6 * b + 0.12 * RandomStreams.gaussian(city);
      cityPm[d] = a;
      cityO3[d] = b;
    }
    for (Region region : districts) {
      int ri = regionIndex.get(region.code());
      SplittableRandom r = streams.stream("air/region", region.code());
      double level = 0.85 + 0.30 * region.resourceEndowment() + 0.15 * region.urbanisation() / 100.0;
      double urban = region.urbanisation() / 100.0;
      double ePm = 0;
      double eO3 = 0;
      double[] pmSum = new double[monthlyPm25[ri].length];
      int[] dayCount = new int[pmSum.length];
      int[] goodCount = new int[pmSum.length];
      for (int d = 0; d < days; d++) {
        LocalDate day = first.plusDays(d);
        int m = day.getMonthValue() - 1;
        double yearFactor = StrictMath.pow(0.96, day.getYear() - 2021);
        ePm = 0.6 * ePm + 0.18 * RandomStreams.gaussian(r);
        eO3 = 0.5 * eO3 + 0.06 * RandomStreams.gaussian(r);
        double[] c = new double[POLLUTANTS];
        c[PM25] = CLIM_PM25[m] * level * yearFactor * StrictMath.exp(cityPm[d] + ePm - 0.06);
        c[PM10] = c[PM25] * (1.5 + 0.35 * region.resourceEndowment()) * StrictMath.exp(0.08 * RandomStreams.gaussian(r));
        c[SO2] = (5 + 15 * region.resourceEndowment()) * SO2_SEASON[m] * yearFactor
            * StrictMath.exp(0.25 * RandomStreams.gaussian(r));
        c[NO2] = CLIM_NO2[m] * (0.65 + 0.55 * urban) * StrictMath.exp(0.5 * cityPm[d] + 0.15 * RandomStreams.gaussian(r));
        c[CO] = (0.35 + 0.009 * c[PM25]) * StrictMath.exp(0.1 * RandomStreams.gaussian(r));
        c[O3] = CLIM_O3[m] * (0.9 + 0.15 * urban) * StrictMath.exp(cityO3[d] + eO3);
        int cov = (int) (day.toEpochDay() - coverageStart.toEpochDay());
        if (cov >= 0 && cov < coverageDays) {
          coverageDaily[ri][cov] = c;
        } else {
          int mi = monthIndex(YearMonth.from(day));
          pmSum[mi] += c[PM25];
          dayCount[mi]++;
          if (AqiCalculator.isGood(AqiCalculator.dailyAqi(c[PM25], c[PM10], c[SO2], c[NO2], c[CO], c[O3]))) {
            goodCount[mi]++;
          }
        }
      }
      for (int mi = 0; mi < pmSum.length; mi++) {
        if (dayCount[mi] > 0) {
          monthlyPm25[ri][mi] = pmSum[mi] / dayCount[mi];
          monthlyGoodShare[ri][mi] = 100.0 * goodCount[mi] / dayCount[mi];
        }
      }
    }
  }

  /** Recomputes the months inside the coverage from the station readings, the way an analyst would. */
  private void deriveCoverageMonthsFromStations(List<Region> districts, SensorNetwork network) {
    for (Region region : districts) {
      int ri = regionIndex.get(region.code());
      List<Sensor> stations = network.stationsOf(region.code());
      if (stations.isEmpty()) {
        throw SampleCityException.internal("region " + region.code() + " has no air station");
      }
      double[] pmSum = new double[monthlyPm25[ri].length];
      int[] dayCount = new int[pmSum.length];
      int[] goodCount = new int[pmSum.length];
      for (int d = 0; d < coverageDays; d++) {
        LocalDate day = coverageStart.plusDays(d);
        double[] mean = new double[POLLUTANTS];
        for (Sensor s : stations) {
          double[][] hours = stationHours(s, day);
          for (int p = 0; p < POLLUTANTS; p++) {
            mean[p] += (p == O3 ? AqiCalculator.maxEightHourMean(hours[p]) : average(hours[p])) / stations.size();
          }
        }
        int mi = monthIndex(YearMonth.from(day));
        pmSum[mi] += mean[PM25];
        dayCount[mi]++;
        if (AqiCalculator.isGood(AqiCalculator.dailyAqi(mean[PM25], mean[PM10], mean[SO2], mean[NO2], mean[CO],
            mean[O3]))) {
          goodCount[mi]++;
        }
      }
      for (int mi = 0; mi < pmSum.length; mi++) {
        if (dayCount[mi] > 0) {
          monthlyPm25[ri][mi] = pmSum[mi] / dayCount[mi];
          monthlyGoodShare[ri][mi] = 100.0 * goodCount[mi] / dayCount[mi];
        }
      }
    }
  }

  private static double average(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /**
   * Diurnal profiles: PM and CO peak in the morning and late evening, NO2 at the rush hours, SO2 is flat-ish, and O3
   * peaks mid-afternoon. Profiles average 1 over the day, except O3, whose best 8-hour window averages 1 (the daily
   * O3 value is the 8-hour maximum).
   */
  private static double[][] diurnalShapes() {
    double[][] s = new double[POLLUTANTS][24];
    for (int h = 0; h < 24; h++) {
      double pm = 1 + 0.15 * StrictMath.cos(2 * Math.PI * (h - 22) / 24.0) + 0.10 * StrictMath.cos(2 * Math.PI * (h - 8) / 12.0);
      s[PM25][h] = pm;
      s[PM10][h] = pm;
      s[CO][h] = pm;
      s[NO2][h] = 1 + 0.22 * StrictMath.cos(2 * Math.PI * (h - 20) / 24.0) + 0.15 * StrictMath.cos(2 * Math.PI * (h - 8) / 12.0);
      s[SO2][h] = 1 + 0.10 * StrictMath.cos(2 * Math.PI * (h - 11) / 24.0);
      s[O3][h] = 0.25 + 0.95 * StrictMath.exp(-((h - 15) * (h - 15)) / (2 * 3.5 * 3.5));
    }
    for (int p = 0; p < POLLUTANTS; p++) {
      double norm = p == O3 ? AqiCalculator.maxEightHourMean(s[p]) : average(s[p]);
      for (int h = 0; h < 24; h++) {
        s[p][h] /= norm;
      }
    }
    return s;
  }
}
