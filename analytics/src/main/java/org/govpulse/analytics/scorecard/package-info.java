/** Composite scorecards of regions and departments, with contributions and rank robustness. */
package org.govpulse.analytics.scorecard;
