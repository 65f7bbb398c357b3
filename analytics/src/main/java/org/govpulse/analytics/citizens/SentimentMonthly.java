package org.govpulse.analytics.citizens;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.govpulse.core.table.Col.*;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.govpulse.analytics.catalogue.DerivedValues;
import org.govpulse.analytics.catalogue.ReportingCalendar;
import org.govpulse.analytics.panel.PeriodColumns;
import org.govpulse.analytics.sensors.RegionHierarchy;
import org.govpulse.core.spark.Columns;
import org.govpulse.core.table.GoldTables;
import org.govpulse.core.time.Frequency;

/**
 * gold.sentiment_monthly from gold.scored_posts: per region, topic (service area, and {@code *} for all) and month
 * (China time), the number of posts, the mean sentiment (p(positive) - p(negative)), the share and number of posts
 * the classifier called negative, and a surge signal on the negative volume. Pure transform.
 *
 * <p>A post counts for its region and every region above it (a district's posts also count for the city); posts
 * without a region go to region {@code *}. Posts without a topic count only under topic {@code *}.
 *
 * <p><b>Surge.</b> For every region and topic the negative posts of a month are compared with the same cell's
 * {@value #TRAILING_MONTHS} preceding months (months without posts count as zero; at least
 * {@value #MIN_TRAILING_MONTHS} of them must lie after the cell's first post): {@code surge_z = (n - mean) / sd},
 * where sd is the trailing standard deviation but never less than √max(mean, 1), the spread of a Poisson count
 * with that mean, so that a quiet cell going from one complaint to three is not a surge of infinite z. A month is a
 * surge when z is at least {@value #SURGE_Z} and, because every cell of every month is tested (a few thousand tests
 * a year in a city), the Poisson probability of that many negative posts at the trailing mean is below
 * {@value #SURGE_P}.
 */
public final class SentimentMonthly {
  /** Trailing months of the surge baseline. */
  public static final int TRAILING_MONTHS = 6;
  /** Fewest trailing months with history. */
  public static final int MIN_TRAILING_MONTHS = 3;
  /** Least z of a surge. */
  public static final double SURGE_Z = 3.0;
  /** Largest Poisson tail probability of a surge. */
  public static final double SURGE_P = 1e-4;
  /** The predicted label that counts as negative. */
  public static final String NEGATIVE = "negative";

  private static final String ALL = DerivedValues.ALL;
  private static final String MONTH = "_month";

  private SentimentMonthly() {}

  /**
   * @param scoredPosts gold.scored_posts
   * @param regions silver.regions (for the regions above each post's region; may be empty)
   */
  public static Dataset<Row> compute(Dataset<Row> scoredPosts, Dataset<Row> regions) {
    Dataset<Row> posts = scoredPosts.select(col(REGION_CODE), col(TOPIC), col(SENTIMENT),
        col(PREDICTED_LABEL).equalTo(NEGATIVE).cast("int").as("_negative"),
        trunc(to_date(from_utc_timestamp(col(POSTED_AT), ReportingCalendar.CHINA.getId())), "month").as(MONTH));
    Dataset<Row> located = posts.filter(col(REGION_CODE).isNotNull())
        .join(RegionHierarchy.memberships(regions, posts.filter(col(REGION_CODE).isNotNull())), REGION_CODE)
        .withColumn(REGION_CODE, col(RegionHierarchy.MEMBER_OF)).drop(RegionHierarchy.MEMBER_OF)
        .unionByName(posts.filter(col(REGION_CODE).isNull()).withColumn(REGION_CODE, lit(ALL)));
    Dataset<Row> cells = located.filter(col(TOPIC).isNotNull())
        .unionByName(located.withColumn(TOPIC, lit(ALL)));
    Dataset<Row> monthly = cells.groupBy(col(REGION_CODE), col(TOPIC), col(MONTH))
        .agg(count(lit(1)).as(POSTS_COUNT), avg(col(SENTIMENT)).as(MEAN_SENTIMENT),
            sum(col("_negative")).cast("long").as(NEGATIVE_POSTS));
    return withSurges(monthly);
  }

  /** Fills each cell's months with zeros, adds the trailing baseline and the surge, drops the empty months. */
  static Dataset<Row> withSurges(Dataset<Row> monthly) {
    Dataset<Row> last = monthly.agg(max(col(MONTH)).as("_last"));
    Dataset<Row> grid = monthly.groupBy(col(REGION_CODE), col(TOPIC)).agg(min(col(MONTH)).as("_first"))
        .crossJoin(last)
        .withColumn(MONTH, explode(expr("sequence(_first, _last, interval 1 month)")))
        .drop("_last");
    WindowSpec trailing = Window.partitionBy(col(REGION_CODE), col(TOPIC)).orderBy(col(MONTH))
        .rowsBetween(-TRAILING_MONTHS, -1);
    Column negatives = coalesce(col(NEGATIVE_POSTS), lit(0L));
    Dataset<Row> filled = grid.join(monthly, Columns.seq(REGION_CODE, TOPIC, MONTH), "left")
        .withColumn(NEGATIVE_POSTS, negatives)
        .withColumn("_mean", avg(col(NEGATIVE_POSTS)).over(trailing))
        .withColumn("_sd", stddev_samp(col(NEGATIVE_POSTS)).over(trailing))
        .withColumn("_history", count(lit(1)).over(trailing))
        .filter(col(POSTS_COUNT).isNotNull())
        .withColumn(PERIOD, PeriodColumns.periodOf(col(MONTH), Frequency.MONTHLY))
        .withColumn(SHARE_NEGATIVE, col(NEGATIVE_POSTS).divide(col(POSTS_COUNT)))
        .withColumn("_history", when(col("_history").geq(MIN_TRAILING_MONTHS), col("_history")).otherwise(lit(0L)));
    return filled.map((MapFunction<Row, Row>) SentimentMonthly::surge,
        Encoders.row(GoldTables.SENTIMENT_MONTHLY.schema()));
  }

  private static Row surge(Row r) {
    long negative = r.getAs(NEGATIVE_POSTS);
    long history = r.getAs("_history");
    Double z = null;
    boolean surge = false;
    if (history > 0) {
      double mean = r.<Double>getAs("_mean");
      double sd = r.isNullAt(r.fieldIndex("_sd")) ? 0.0 : r.<Double>getAs("_sd");
      double scale = Math.max(sd, Math.sqrt(Math.max(mean, 1.0)));
      z = (negative - mean) / scale;
      surge = z >= SURGE_Z && poissonUpperTail(Math.max(mean, 1.0), negative) < SURGE_P;
    }
    return RowFactory.create(r.getAs(REGION_CODE), r.getAs(TOPIC), r.getAs(PERIOD), r.getAs(POSTS_COUNT),
        r.getAs(MEAN_SENTIMENT), r.getAs(SHARE_NEGATIVE), negative, z, surge);
  }

  /** P(X >= n) for X ~ Poisson(mean). */
  static double poissonUpperTail(double mean, long n) {
    return n <= 0 ? 1.0 : 1.0 - new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS).cumulativeProbability((int) n - 1);
  }
}
