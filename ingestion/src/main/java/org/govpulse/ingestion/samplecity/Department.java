package org.govpulse.ingestion.samplecity;

/** A municipal department that submits reports ({@code departments.csv}). */
record Department(String code, String nameZh, String nameEn) {
}
