package org.govpulse.analytics.typology;

import java.util.List;
import java.util.Map;

/**
 * A region's place in the typology.
 *
 * @param regionCode region
 * @param tier T1 (most developed), T2 or T3
 * @param developmentIndex weighted mean of the attribute z-scores
 * @param attributeScores z-score per attribute
 * @param rank rank by development index, 1 = highest
 * @param peers nearest regions in attribute space, closest first
 */
public record TierAssignment(String regionCode, String tier, double developmentIndex,
    Map<String, Double> attributeScores, int rank, List<String> peers) {}
