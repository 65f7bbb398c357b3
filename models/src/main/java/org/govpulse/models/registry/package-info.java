/**
 * The model registry shared by every GovPulse model: meta.models (a plain Delta table) plus the serialised Tribuo
 * models, their provenance and evaluation under {@code <warehouse>/models/<name>/v<N>/}. One production version
 * per model name; promote and roll back; registering the same training twice gives one version.
 */
package org.govpulse.models.registry;
