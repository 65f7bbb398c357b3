/** Benchmarks shipped with GovPulse; each prints figures relative to a reference measured in the same run. */
package org.govpulse.app.bench;
