/**
 * The deterministic "sample city" generator: a fictitious prefecture-level city, 江州市 Jiangzhou, with its
 * districts and counties, departments, indicator catalogue, targets and budgets, and everything those produce in
 * the landing area (departmental reports, IoT sensor readings, social-media and hotline posts, satisfaction
 * surveys), deliberately messy, plus the ground truth a correct pipeline must recover.
 *
 * <p>Entry points: {@link org.govpulse.ingestion.samplecity.SampleCitySpec} describes the city (seed, scale, dates,
 * volumes) and {@link org.govpulse.ingestion.samplecity.SampleCityGenerator#generate(java.nio.file.Path)} writes it,
 * returning a {@link org.govpulse.ingestion.samplecity.SampleCityResult}. Everything else in the package is
 * implementation: one small class per concern (catalogue, regions, air quality, true series, targets, and one
 * writer per landing source). The same spec always produces byte-identical files; each concern draws from its own
 * random stream so that changing one volume does not change the others. See {@code docs/sample-city.md}.
 */
package org.govpulse.ingestion.samplecity;
