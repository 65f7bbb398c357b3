/** Reporting periods (month, quarter, year) and the spellings departments use for them. */
package org.govpulse.core.time;
