/** The GovPulse API: serves the warehouse over HTTP without Spark; {@link org.govpulse.api.ApiServer} starts it. */
package org.govpulse.api;
