/** Configuration keys and their resolution: flag, then environment, then config file, then default. */
package org.govpulse.core.config;
