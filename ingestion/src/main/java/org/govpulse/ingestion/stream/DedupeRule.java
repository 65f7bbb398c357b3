package org.govpulse.ingestion.stream;

import java.io.Serializable;
import java.util.List;

/**
 * How a source recognises the same record sent twice.
 *
 * @param key columns that identify a record in silver
 * @param compare columns that must also be equal for an exact duplicate; a key match with other values is a
 *     conflicting duplicate
 * @param pruneDate a date column bounding which silver rows a batch can collide with, or null to compare with all
 */
public record DedupeRule(List<String> key, List<String> compare, String pruneDate) implements Serializable {}
