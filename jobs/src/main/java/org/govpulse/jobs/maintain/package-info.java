/** Delta table maintenance: compaction and VACUUM with a retention that keeps readers and time travel working. */
package org.govpulse.jobs.maintain;
