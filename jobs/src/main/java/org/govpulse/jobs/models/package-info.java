/**
 * Main classes for spark-submit of the model stages, whose job classes live in the models module: forecast (with
 * target risk) and warn. Each runs as one locked, logged {@code JobRun} like every other GovPulse job.
 */
package org.govpulse.jobs.models;
