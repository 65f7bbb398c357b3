/**
 * Sentiment of citizens' posts: a Tribuo logistic regression over character n-grams of Chinese text (no word
 * segmenter) and word n-grams of English text, trained from any labelled CSV, evaluated on a stratified held-out
 * split, registered in the model registry, and applied to silver.posts by a Spark job that loads the model once
 * per executor JVM.
 */
package org.govpulse.models.sentiment;
