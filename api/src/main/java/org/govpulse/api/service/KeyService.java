package org.govpulse.api.service;

import static org.govpulse.core.table.Col.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govpulse.api.delta.KernelWarehouse;
import org.govpulse.api.delta.Record;
import org.govpulse.api.snapshot.Derived;
import org.govpulse.api.snapshot.SnapshotStore;
import org.govpulse.core.error.Errors;
import org.govpulse.core.table.ApiTables;

/**
 * API keys: creation, revocation and checking. A key reads {@code gp_<id>_<secret>}: a 64-bit public id and a
 * 256-bit random secret. meta.api_keys keeps the id, role and the SHA-256 of the secret, never the secret; a
 * presented key is found by its id and its hash compared in constant time. No salt is needed: the secret is random,
 * not a password.
 */
public final class KeyService {
  /** Actor of keys made on the command line. */
  public static final String CLI = "cli";
  static final String CREATED = "created";
  static final String REVOKED = "revoked";
  private static final Pattern FORMAT = Pattern.compile("gp_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

  /** The valid keys by id. */
  public static final Derived<Map<String, ApiKey>> KEYS = Derived.of("api keys", KeyService::valid,
      ApiTables.API_KEYS);

  private final KernelWarehouse warehouse;
  private final SnapshotStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public KeyService(KernelWarehouse warehouse, SnapshotStore store, Clock clock) {
    this.warehouse = warehouse;
    this.store = store;
    this.clock = clock;
  }

  /** The key a presented text stands for, or empty when it is malformed, unknown or revoked. */
  public Optional<ApiKey> authenticate(String presented) {
    if (presented == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(presented.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    ApiKey key = store.current().get(KEYS).get(m.group(1));
    if (key == null) {
      return Optional.empty();
    }
    return MessageDigest.isEqual(sha256(m.group(2)), key.hash()) ? Optional.of(key) : Optional.empty();
  }

  /** Creates a key and makes it valid at once in this process (others see it at their next refresh). */
  public NewKey create(Role role, String label, Integer rateLimitPerMinute, String actor) {
    if (rateLimitPerMinute != null && rateLimitPerMinute < 0) {
      throw Errors.invalidInput("Rate limit " + rateLimitPerMinute + " is invalid", "a limit counts requests per minute",
          "Give 0 for no limit or a positive number, or leave it out for govpulse.api.rate-limit-per-minute");
    }
    byte[] idBytes = new byte[8];
    byte[] secretBytes = new byte[32];
    random.nextBytes(idBytes);
    random.nextBytes(secretBytes);
    String id = HexFormat.of().formatHex(idBytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    String cleanLabel = label == null || label.isBlank() ? role.code() : label.trim();
    long version = warehouse.append(ApiTables.API_KEYS, List.<Object[]>of(new Object[] {
        UUID.randomUUID().toString(), id, CREATED, HexFormat.of().formatHex(sha256(secret)), role.code(), cleanLabel,
        rateLimitPerMinute, clock.instant(), actor}));
    store.refresh();
    return new NewKey(id, "gp_" + id + "_" + secret, role, cleanLabel, version);
  }

  /**
   * Creates an admin key when meta.api_keys holds no valid key, so a fresh warehouse can be used at once; empty
   * when keys exist (their holders make new ones with POST /api/v1/keys or {@code govpulse keys create}).
   */
  public synchronized Optional<NewKey> createFirstAdmin(String actor) {
    store.refresh();
    if (!store.current().get(KEYS).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(create(Role.ADMIN, "first admin", null, actor));
  }

  /** Keys over a warehouse without a server: for the command line. Servers see its changes at their next refresh. */
  public static KeyService standalone(KernelWarehouse warehouse, Clock clock) {
    SnapshotStore store = new SnapshotStore(warehouse, List.of(ApiTables.API_KEYS), List.of(KEYS), clock);
    store.refresh();
    return new KeyService(warehouse, store, clock);
  }

  /** Revokes a key; fails with 404 when there is no valid key of that id. */
  public long revoke(String id, String actor) {
    if (!store.current().get(KEYS).containsKey(id)) {
      throw Errors.notFound("API key " + id + " does not exist or is already revoked",
          "meta.api_keys has no valid key with that id", "List the keys with GET /api/v1/keys");
    }
    long version = warehouse.append(ApiTables.API_KEYS, List.<Object[]>of(new Object[] {
        UUID.randomUUID().toString(), id, REVOKED, null, null, null, null, clock.instant(), actor}));
    store.refresh();
    return version;
  }

  /** The valid keys without their hashes, oldest first. */
  public List<Map<String, Object>> list() {
    List<Map<String, Object>> out = new ArrayList<>();
    store.current().get(KEYS).values().stream().sorted(Comparator.comparing(ApiKey::createdAt)).forEach(k -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(KEY_ID, k.id());
      m.put(ROLE, k.role().code());
      m.put(LABEL, k.label());
      m.put(RATE_LIMIT_PER_MINUTE, k.rateLimitPerMinute());
      m.put(CREATED_AT, k.createdAt().toString());
      out.add(m);
    });
    return out;
  }

  private static Map<String, ApiKey> valid(org.govpulse.api.snapshot.WarehouseSnapshot s) {
    List<Record> log = new ArrayList<>(s.rows(ApiTables.API_KEYS));
    log.sort(Comparator.comparing((Record r) -> r.instant(AT)).thenComparing(r -> r.str(EVENT_ID)));
    Map<String, ApiKey> keys = new LinkedHashMap<>();
    for (Record r : log) {
      if (CREATED.equals(r.str(EVENT_TYPE))) {
        Optional<Role> role = Role.parse(r.str(ROLE));
        if (role.isPresent() && r.str(KEY_HASH) != null) {
          keys.put(r.str(KEY_ID), new ApiKey(r.str(KEY_ID), HexFormat.of().parseHex(r.str(KEY_HASH)), role.get(),
              r.str(LABEL), r.integer(RATE_LIMIT_PER_MINUTE), r.instant(AT)));
        }
      } else if (REVOKED.equals(r.str(EVENT_TYPE))) {
        keys.remove(r.str(KEY_ID));
      }
    }
    return Map.copyOf(keys);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
