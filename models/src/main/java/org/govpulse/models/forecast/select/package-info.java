/**
 * Selection and combination of candidate methods from backtest errors: combination rules (a fixed equal-weight
 * set, the best single candidate, the best few, inverse-error weights) and the out-of-sample choice of a rule per
 * frequency class.
 */
package org.govpulse.models.forecast.select;
