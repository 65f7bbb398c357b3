/** Region typology: tiers from structural attributes, with the attributes that placed each region and its peers. */
package org.govpulse.analytics.typology;
