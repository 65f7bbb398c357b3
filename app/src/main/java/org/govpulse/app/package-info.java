/** The govpulse command-line launcher and its subcommands. */
package org.govpulse.app;
