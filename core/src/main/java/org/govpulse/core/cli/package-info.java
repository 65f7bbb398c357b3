/** Command-line plumbing shared by the launcher and the spark-submit main classes. */
package org.govpulse.core.cli;
