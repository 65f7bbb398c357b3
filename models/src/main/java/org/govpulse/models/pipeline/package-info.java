/** The model stages of the pipeline: forecasting the panel, the risk of missing targets, their evaluation. */
package org.govpulse.models.pipeline;
