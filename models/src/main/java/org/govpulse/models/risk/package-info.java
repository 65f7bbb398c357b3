/** The risk of missing targets: year outlooks from actuals and forecasts, the naive rule, the classifier. */
package org.govpulse.models.risk;
