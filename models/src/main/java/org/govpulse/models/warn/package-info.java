/** Graded early warnings with a lifecycle: one warning per condition, escalation, resolution, history. */
package org.govpulse.models.warn;
