/** What the API answers, without HTTP: catalogue, series and forecasts, performance, quality, models, warnings, keys. */
package org.govpulse.api.service;
