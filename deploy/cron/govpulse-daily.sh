#!/usr/bin/env bash
# Submits GovPulse's jobs to YARN in their order, one spark-submit each; stops at the first that fails.
#   govpulse-daily.sh daily      ingest, analyze, forecast, warn
#   govpulse-daily.sh maintain   compaction and VACUUM
# Exit codes of each job: 0 done, 1 failed (re-running is safe), 2 bad configuration, 3 another run of the job
# holds its lock (nothing was done).
set -euo pipefail

SPARK_SUBMIT="${SPARK_HOME:-/opt/spark}/bin/spark-submit"
JOB_JAR="${GOVPULSE_JOB_JAR:-hdfs:///govpulse/jars/govpulse-jobs-0.1.0-SNAPSHOT-job.jar}"
CONFIG="${GOVPULSE_CONFIG_URI:-hdfs:///govpulse/conf/govpulse.properties}"

submit() {
  local class="$1"
  shift
  echo "$(date -Is) submitting ${class}"
  # maxAppAttempts=1: a second YARN attempt of a driver that died would find the first attempt's lease and be
  # refused; the scheduler's next run is the retry.
  "$SPARK_SUBMIT" --master yarn --deploy-mode cluster --name "govpulse-${class##*.}" --class "$class" \
    --conf spark.yarn.maxAppAttempts=1 \
    --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension \
    --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog \
    --driver-memory 4g --executor-memory 4g --executor-cores 2 \
    "$JOB_JAR" "$@"
}

case "${1:-daily}" in
  daily)
    submit org.govpulse.ingestion.IngestJob --config "$CONFIG"
    submit org.govpulse.models.sentiment.ScoreSentimentJob --config "$CONFIG"
    submit org.govpulse.analytics.AnalyzeJob --config "$CONFIG"
    submit org.govpulse.jobs.models.ForecastStage --config "$CONFIG"
    submit org.govpulse.jobs.models.WarnStage --config "$CONFIG"
    ;;
  maintain)
    submit org.govpulse.jobs.maintain.MaintainJob --config "$CONFIG"
    ;;
  *)
    echo "usage: $0 daily|maintain" >&2
    exit 2
    ;;
esac
