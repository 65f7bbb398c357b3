/** Immutable in-memory snapshots of the served tables and their indexes, swapped when a table changes. */
package org.govpulse.api.snapshot;
