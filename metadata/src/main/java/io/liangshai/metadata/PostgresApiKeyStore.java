package io.liangshai.metadata;

import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.tenants.keys.IssuedKey;
import io.liangshai.tenants.keys.KeyHashing;
import io.liangshai.tenants.keys.KeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link KeyStore} on table {@code api_keys}, the secret stored only as its SHA-256 ({@link
 * KeyHashing}), each operation one transaction. A revocation is an update of the key's row, so
 * every instance sees it on its next lookup; a rotation revokes the old key and issues its
 * replacement atomically, and of two concurrent rotations of one key only one succeeds.
 */
public final class PostgresApiKeyStore implements KeyStore {

  /** The columns {@link #READ} reads, in a {@code SELECT}. */
  private static final String COLUMNS =
      "key_id, tenant_code, name, created_at, created_by, revoked_at";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM api_keys";

  private static final Rows.Reader<ApiKey> READ = Rows.byComponents(ApiKey.class);

  private final Metadata metadata;

  public PostgresApiKeyStore(DataSource dataSource, Clock clock) {
    this.metadata = new Metadata(dataSource, clock);
  }

  @Override
  public IssuedKey issue(String tenantCode, String name, String createdBy) throws SQLException {
    return metadata.inTransaction(c -> issue(c, tenantCode, name, createdBy));
  }

  @Override
  public Optional<ApiKey> findActive(String secret) throws SQLException {
    return keys(" WHERE key_hash = ? AND revoked_at IS NULL", KeyHashing.sha256Hex(secret)).stream()
        .findFirst();
  }

  @Override
  public Optional<ApiKey> find(String keyId) throws SQLException {
    return keys(" WHERE key_id = ?", keyId).stream().findFirst();
  }

  /** Keys of one tenant, newest first, revoked ones included. */
  @Override
  public List<ApiKey> list(String tenantCode) throws SQLException {
    return keys(" WHERE tenant_code = ? ORDER BY created_at DESC, key_id", tenantCode);
  }

  private List<ApiKey> keys(String where, Object... parameters) throws SQLException {
    try (Connection c = metadata.connect()) {
      return Rows.list(c, SELECT + where, READ, parameters);
    }
  }

  /**
   * Revokes an active key and issues a new one for the same tenant and name, in one transaction.
   * Empty when {@code keyId} is unknown or already revoked.
   */
  @Override
  public Optional<IssuedKey> rotate(String keyId, String rotatedBy) throws SQLException {
    return metadata.inTransaction(
        c -> {
          Optional<ApiKey> revoked = revoke(c, keyId);
          if (revoked.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(issue(c, revoked.get().tenantCode(), revoked.get().name(), rotatedBy));
        });
  }

  @Override
  public boolean revoke(String keyId) throws SQLException {
    return metadata.inTransaction(c -> revoke(c, keyId)).isPresent();
  }

  /**
   * Stores a key issued elsewhere with its secret's hash (a key moved from an older store); a key
   * whose id or hash is already stored is left as it is. True if stored. Two processes importing
   * the same key at once store it once: every unique index is an arbiter of the insert, so the
   * second waits for the first and then stores nothing (with {@code key_id} alone as arbiter, the
   * second would fail on {@code key_hash}).
   */
  public boolean importKey(ApiKey key, String keyHash) throws SQLException {
    return metadata.inTransaction(c -> insert(c, key, keyHash, " ON CONFLICT DO NOTHING") == 1);
  }

  private IssuedKey issue(Connection c, String tenantCode, String name, String createdBy)
      throws SQLException {
    String secret = KeyHashing.newSecret();
    ApiKey key =
        new ApiKey(
            KeyHashing.newKeyId(), tenantCode, name, metadata.now(), createdBy, Optional.empty());
    insert(c, key, KeyHashing.sha256Hex(secret), " ON CONFLICT (key_id) DO NOTHING");
    return new IssuedKey(key, secret);
  }

  /** The key as it was before this revocation; empty if it was unknown or already revoked. */
  private Optional<ApiKey> revoke(Connection c, String keyId) throws SQLException {
    return Rows.first(
        c,
        "UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL RETURNING "
            + COLUMNS,
        READ,
        Timestamp.from(metadata.now()),
        keyId);
  }

  private static int insert(Connection c, ApiKey key, String hash, String onConflict)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO api_keys (key_id, tenant_code, name, key_hash, created_at, created_by,"
                + " revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + onConflict)) {
      bind(ps, key, hash);
      return ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, ApiKey key, String hash) throws SQLException {
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
}
