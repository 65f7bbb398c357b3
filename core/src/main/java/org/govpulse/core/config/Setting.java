package org.govpulse.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key GovPulse reads, with its environment variable, default and meaning. This enum is the
 * single source of truth; {@code conf/govpulse.properties} documents the same keys for operators.
 *
 * <p>A key resolves in this order, first match wins: command-line flag, environment variable, config file, default.
 */
public enum Setting {
  /** Root of all Delta tables. */
  WAREHOUSE("govpulse.warehouse", "${home}/data/warehouse",
      "Root of the Delta tables: a local folder or a Hadoop URI (hdfs://, s3a://)."),
  /** Root of the landing area. */
  LANDING("govpulse.landing", "${home}/data/sample/landing",
      "Folder or Hadoop URI holding reference/, reports/, sensors/, posts/ and surveys/."),
  /** Spark master for local runs; ignored when spark-submit already set one. */
  SPARK_MASTER("govpulse.spark.master", "local[*]",
      "Spark master URL used when the job is not launched by spark-submit."),
  /** Shuffle partitions: small data on few cores wants few partitions. */
  SPARK_SHUFFLE_PARTITIONS("govpulse.spark.shuffle-partitions", "8",
      "spark.sql.shuffle.partitions for GovPulse jobs."),
  /** Upper bound of new files taken in one ingestion batch. */
  INGEST_MAX_FILES_PER_BATCH("govpulse.ingest.max-files-per-batch", "1000",
      "At most this many new landing files per ingestion micro-batch (per source)."),
  /** How long a job's lease on the warehouse lasts without renewal. */
  LOCK_TTL_MINUTES("govpulse.lock.ttl-minutes", "10",
      "Minutes a running job's lease lasts without renewal (renewed every third of it); a run that died "
          + "blocks the next run of its job for at most this long."),
  /** VACUUM retention of the maintenance job. */
  MAINTAIN_RETENTION_HOURS("govpulse.maintain.retention-hours", "168",
      "Hours of removed data files VACUUM keeps, so readers and time travel within this window keep working."),
  /** Allows a VACUUM retention below Delta's safety default. */
  MAINTAIN_ALLOW_SHORT_RETENTION("govpulse.maintain.allow-short-retention", "false",
      "true to allow a retention below Delta's default of 168 hours (breaks time travel and slow readers)."),
  /** Sample city seed for generate/quickstart. */
  SAMPLE_SEED("govpulse.sample.seed", "42", "Seed of the generated sample city."),
  /** Sample city scale for generate/quickstart. */
  SAMPLE_SCALE("govpulse.sample.scale", "1.0", "Scale of the generated sample city (1.0 is about 1M sensor readings)."),
  /** API port. */
  API_PORT("govpulse.api.port", "8080", "Port the API listens on."),
  /** API bind address. */
  API_HOST("govpulse.api.host", "127.0.0.1", "Address the API binds to (0.0.0.0 for all interfaces)."),
  /** Origins allowed by CORS. */
  API_CORS_ORIGINS("govpulse.api.cors-origins", "",
      "Comma-separated origins allowed to call the API from a browser; empty allows none."),
  /** Requests per minute per API key. */
  API_RATE_LIMIT("govpulse.api.rate-limit-per-minute", "6000", "Requests per minute allowed per API key."),
  /** Token bucket size per API key. */
  API_RATE_LIMIT_BURST("govpulse.api.rate-limit-burst", "200",
      "Requests a key may make in a burst before the per-minute rate applies (token bucket size)."),
  /** How often the API looks for new table versions. */
  API_REFRESH_SECONDS("govpulse.api.refresh-seconds", "5",
      "How often the API checks the gold tables for new Delta versions."),
  /** Webhook receivers of warning events. */
  API_WEBHOOK_URLS("govpulse.api.webhook-urls", "",
      "Comma-separated URLs that receive every new warning event as a signed CloudEvent; empty sends none."),
  /** Shared secret of webhook signatures. */
  API_WEBHOOK_SECRET("govpulse.api.webhook-secret", "",
      "Secret of the HMAC-SHA256 webhook signature (at least 16 characters); required with webhook-urls."),
  /** Delivery attempts per webhook event. */
  API_WEBHOOK_MAX_ATTEMPTS("govpulse.api.webhook-max-attempts", "8",
      "Attempts per event and receiver before it is given up, with exponential backoff from 1 s (capped at 5 min)."),
  /** Keep-alive comments on event streams. */
  API_SSE_HEARTBEAT_SECONDS("govpulse.api.sse-heartbeat-seconds", "15",
      "Seconds between keep-alive comments on the live warning stream."),
  /** Threads of the HTTP server. */
  API_THREADS("govpulse.api.threads", "250",
      "Most threads the HTTP server answers requests with (8 or more); idle live-stream subscribers hold none."),
  /** Where serve writes the first admin key of a warehouse that has none. */
  API_ADMIN_KEY_FILE("govpulse.api.admin-key-file", "${home}/data/api-admin.key",
      "Local file where serve writes the admin API key it creates for a warehouse that has no key yet.");

  /** Prefix of keys passed straight to Spark: govpulse.spark.conf.spark.executor.memory=4g. */
  public static final String SPARK_CONF_PREFIX = "govpulse.spark.conf.";

  private final String key;
  private final String defaultValue;
  private final String description;

  Setting(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String key() {
    return key;
  }

  /** Default value; {@code ${home}} stands for the GovPulse home folder. */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The environment variable that overrides this key: govpulse.api.port becomes GOVPULSE_API_PORT. */
  public String envVar() {
    return envVarOf(key);
  }

  static String envVarOf(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The setting for a key, if GovPulse knows it. */
  public static Optional<Setting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }

  /** All keys, for error messages and documentation. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(Setting::key).toList();
  }
}
