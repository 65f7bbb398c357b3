/**
 * The data-quality audit of the departments' reports.
 *
 * <p>Each test is a small class of plain Java over a region's series or an indicator's series across regions
 * ({@link org.govpulse.analytics.audit.DigitChecks}, {@link org.govpulse.analytics.audit.SmoothSeriesCheck},
 * {@link org.govpulse.analytics.audit.PeriodEndSpikeCheck}, {@link org.govpulse.analytics.audit.RatioOutlierCheck},
 * {@link org.govpulse.analytics.audit.ContradictionCheck}) or a Spark aggregation with a decision per row
 * ({@link org.govpulse.analytics.audit.Timeliness}, {@link org.govpulse.analytics.audit.SuspiciousRevisions}); each
 * returns {@link org.govpulse.analytics.audit.Finding}s or their rows. {@link org.govpulse.analytics.audit.AuditJob}
 * runs them all and replaces {@code gold.quality_findings}; {@link org.govpulse.analytics.audit.AuditEvaluation}
 * scores the findings against the sample city's planted falsifications.
 */
package org.govpulse.analytics.audit;
