/**
 * A global forecasting model: one Tribuo regression model trained across many series on scale-free windows
 * (seasonally adjusted values divided by the series' recent level), predicting the ratio of each future value to
 * that level, one horizon step at a time (direct strategy). It keeps Tribuo's provenance and serialises with
 * Tribuo's protobuf format so a model registry can store it.
 */
package org.govpulse.models.forecast.global;
