package io.liangshai.tenants.keys;

import io.liangshai.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link KeyStore} on ClickHouse table {@code api_keys}: one row per key version, the newest wins,
 * so every API instance sees an issue or a revocation on its next lookup.
 */
public final class ApiKeyStore implements KeyStore {

  /** The columns {@link #read} reads, in a {@code SELECT}. */
  public static final String COLUMNS =
      "key_id, tenant_code, name, created_at, created_by, revoked_at";

  private final Warehouse warehouse;
  private final Clock clock;

  public ApiKeyStore(Warehouse warehouse, Clock clock) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public IssuedKey issue(String tenantCode, String name, String createdBy) throws SQLException {
    String secret = KeyHashing.newSecret();
    ApiKey key =
        new ApiKey(
            KeyHashing.newKeyId(), tenantCode, name, clock.instant(), createdBy, Optional.empty());
    write(key, KeyHashing.sha256Hex(secret));
    return new IssuedKey(key, secret);
  }

  /** The stored form of a key's secret. */
  public static String hash(String secret) {
    return KeyHashing.sha256Hex(secret);
  }

  @Override
  public Optional<ApiKey> findActive(String secret) throws SQLException {
    String hash = KeyHashing.sha256Hex(secret);
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM api_keys FINAL WHERE key_hash = ? AND revoked_at IS NULL")) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public Optional<ApiKey> find(String keyId) throws SQLException {
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys FINAL WHERE key_id = ?")) {
      ps.setString(1, keyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Keys of one tenant, newest first, revoked ones included. */
  @Override
  public List<ApiKey> list(String tenantCode) throws SQLException {
    List<ApiKey> keys = new ArrayList<>();
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM api_keys FINAL WHERE tenant_code = ? ORDER BY created_at DESC,"
                    + " key_id")) {
      ps.setString(1, tenantCode);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(read(rs));
        }
      }
    }
    return keys;
  }

  @Override
  public Optional<IssuedKey> rotate(String keyId, String rotatedBy) throws SQLException {
    Optional<ApiKey> current = find(keyId);
    if (current.isEmpty() || !current.get().isActive()) {
      return Optional.empty();
    }
    IssuedKey replacement = issue(current.get().tenantCode(), current.get().name(), rotatedBy);
    revoke(keyId);
    return Optional.of(replacement);
  }

  @Override
  public boolean revoke(String keyId) throws SQLException {
    Optional<ApiKey> current = find(keyId);
    if (current.isEmpty() || !current.get().isActive()) {
      return false;
    }
    String hash;
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT key_hash FROM api_keys FINAL WHERE key_id = ?")) {
      ps.setString(1, keyId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        hash = rs.getString(1);
      }
    }
    ApiKey k = current.get();
    write(
        new ApiKey(
            k.keyId(),
            k.tenantCode(),
            k.name(),
            k.createdAt(),
            k.createdBy(),
            Optional.of(clock.instant())),
        hash);
    return true;
  }

  private void write(ApiKey key, String hash) throws SQLException {
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO api_keys (key_id, tenant_code, name, key_hash, created_at,"
                    + " created_by, revoked_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      bind(ps, key, hash);
      ps.setLong(8, key.revokedAt().isPresent() ? 2 : 1);
      ps.executeUpdate();
    }
  }

  /**
   * Binds parameters 1 to 7 of an insert into {@code api_keys} with columns {@code key_id,
   * tenant_code, name, key_hash, created_at, created_by, revoked_at}; shared with the PostgreSQL
   * store of the metadata module.
   */
  public static void bind(PreparedStatement ps, ApiKey key, String hash) throws SQLException {
    ps.setString(1, key.keyId());
    ps.setString(2, key.tenantCode());
    ps.setString(3, key.name());
    ps.setString(4, hash);
    ps.setTimestamp(5, Timestamp.from(key.createdAt()));
    ps.setString(6, key.createdBy());
    if (key.revokedAt().isPresent()) {
      ps.setTimestamp(7, Timestamp.from(key.revokedAt().get()));
    } else {
      ps.setNull(7, Types.TIMESTAMP);
    }
  }

  /**
   * The key at {@code rs}'s cursor, from columns {@code key_id, tenant_code, name, created_at,
   * created_by, revoked_at}; shared with the PostgreSQL store of the metadata module.
   */
  public static ApiKey read(ResultSet rs) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new ApiKey(
        rs.getString("key_id"),
        rs.getString("tenant_code"),
        rs.getString("name"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        Optional.ofNullable(revoked).map(Timestamp::toInstant));
  }
}
