/** The indicator panel: reported and derived values aligned over periods and regions, with targets and progress. */
package org.govpulse.analytics.panel;
