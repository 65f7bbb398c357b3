/** Targets resolved per region from tier rules and explicit overrides. */
package org.govpulse.analytics.targets;
