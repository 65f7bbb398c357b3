/** The indicator catalogue and the calendar of reporting, as the analytics stage reads them. */
package org.govpulse.analytics.catalogue;
