/** Indicators from citizens: satisfaction from surveys and public sentiment from posts. */
package org.govpulse.analytics.citizens;
