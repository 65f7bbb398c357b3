"""GovPulse's jobs as Airflow DAGs (docs/operations.md).

govpulse_daily runs the nightly chain ingest >> analyze >> forecast >> warn; govpulse_maintain compacts and
vacuums the Delta tables on Sundays. Every task is one spark-submit of the GovPulse job jar through the
connection ``spark_govpulse`` (Admin > Connections: host ``yarn`` or ``k8s://https://...``, extra
``{"deploy-mode": "cluster"}``).

Each job is idempotent and holds a lock on the warehouse while it runs, so retries and late runs are safe: a
task that starts while another run of the same job holds the lock exits with code 3 having done nothing, and
its retry comes after the lock's lease (10 minutes) has lapsed if that run died.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

JOB_JAR = "hdfs:///govpulse/jars/govpulse-jobs-0.1.0-SNAPSHOT-job.jar"
CONFIG = "hdfs:///govpulse/conf/govpulse.properties"
SPARK_CONF = {
    # A second YARN attempt would find the first attempt's lease and be refused; Airflow's retry is the retry.
    "spark.yarn.maxAppAttempts": "1",
    "spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
    "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
}
DEFAULTS = {
    "owner": "govpulse",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "execution_timeout": timedelta(hours=3),
}

def submit(task_id, java_class, driver_memory="4g"):
    """One spark-submit of a GovPulse job: the job jar, its main class and the config file."""
    return SparkSubmitOperator(
        task_id=task_id,
        conn_id="spark_govpulse",
        application=JOB_JAR,
        java_class=java_class,
        application_args=["--config", CONFIG],
        conf=SPARK_CONF,
        name="govpulse-" + task_id,
        executor_memory="4g",
        driver_memory=driver_memory,
    )


with DAG(
    dag_id="govpulse_daily",
    description="GovPulse: ingest, analyze, forecast and warn",
    schedule="15 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,  # a run takes every file that landed since the last one; backfilling would add nothing
    max_active_runs=1,
    default_args=DEFAULTS,
    tags=["govpulse"],
) as daily:
    ingest = submit("ingest", "org.govpulse.ingestion.IngestJob")
    score_sentiment = submit("score_sentiment", "org.govpulse.models.sentiment.ScoreSentimentJob")
    analyze = submit("analyze", "org.govpulse.analytics.AnalyzeJob")
    forecast = submit("forecast", "org.govpulse.jobs.models.ForecastStage", driver_memory="6g")
    warn = submit("warn", "org.govpulse.jobs.models.WarnStage")
    ingest >> score_sentiment >> analyze >> forecast >> warn

with DAG(
    dag_id="govpulse_maintain",
    description="GovPulse: compaction and VACUUM of the Delta tables",
    schedule="0 6 * * 0",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULTS,
    tags=["govpulse"],
) as weekly:
    maintain = submit("maintain", "org.govpulse.jobs.maintain.MaintainJob", driver_memory="2g")
