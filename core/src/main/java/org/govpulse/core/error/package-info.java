/** The GovPulse exception family and the single home of its user-facing messages. */
package org.govpulse.core.error;
