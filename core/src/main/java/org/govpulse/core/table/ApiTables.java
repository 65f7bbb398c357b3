package org.govpulse.core.table;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.govpulse.core.table.Col.*;

import java.util.List;

/** Contracts of the tables the API itself writes (besides meta.warning_actions, with the warning tables). */
public final class ApiTables {
  private ApiTables() {}

  public static final TableContract API_KEYS = TableContract.builder("meta", "api_keys").producedBy("keys create")
      .description("API keys as an append-only log of creations and revocations; a key is valid when it was created "
          + "and not revoked since. Only the SHA-256 of each key's secret is stored.")
      .required(EVENT_ID, StringType, "Unique id of the entry.")
      .required(KEY_ID, StringType, "Public id of the key: the part after gp_ and before the secret.")
      .required(EVENT_TYPE, StringType, "created or revoked.")
      .optional(KEY_HASH, StringType, "Hex SHA-256 of the key's secret (created only).")
      .optional(ROLE, StringType, "viewer, analyst or admin (created only).")
      .optional(LABEL, StringType, "Who or what the key is for (created only).")
      .optional(RATE_LIMIT_PER_MINUTE, IntegerType,
          "Requests per minute for this key; null for govpulse.api.rate-limit-per-minute, 0 for no limit.")
      .required(AT, TimestampType, "When (UTC).")
      .required(ACTOR, StringType, "cli, or the id of the admin key that acted.")
      .key(EVENT_ID)
      .build();

  /** Every table of the API. */
  public static List<TableContract> all() {
    return List.of(API_KEYS);
  }
}
