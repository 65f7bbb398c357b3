package org.govpulse.analytics.typology;

/**
 * The structural attributes a region is classified by.
 *
 * @param regionCode region
 * @param population resident population
 * @param gdpPerCapita GDP per capita, yuan
 * @param urbanisation urbanisation rate, percent
 * @param resourceEndowment resource endowment index, 0-1
 */
public record RegionAttributes(String regionCode, double population, double gdpPerCapita, double urbanisation,
    double resourceEndowment) {}
