/** The SparkSession factory used by every GovPulse entry point. */
package org.govpulse.core.spark;
