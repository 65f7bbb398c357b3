/**
 * How a job runs on a shared warehouse: one run of a job at a time ({@link org.govpulse.core.run.JobLock}, a lease
 * in a Delta table) and every run recorded in meta.runs with its inputs, outputs and outcome
 * ({@link org.govpulse.core.run.JobRun}).
 */
package org.govpulse.core.run;
