/** Warnings for other systems: Atom, CSV, and webhooks that push signed CloudEvents. */
package org.govpulse.api.feed;
