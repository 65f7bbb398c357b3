/** Spending joined with the outcomes it is meant to move. */
package org.govpulse.analytics.budget;
