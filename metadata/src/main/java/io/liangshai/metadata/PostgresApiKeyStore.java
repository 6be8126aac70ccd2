package io.liangshai.metadata;

import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.tenants.keys.ApiKeyStore;
import io.liangshai.tenants.keys.IssuedKey;
import io.liangshai.tenants.keys.KeyHashing;
import io.liangshai.tenants.keys.KeyLookup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API keys in table {@code api_keys}, the secret stored only as its SHA-256 ({@link KeyHashing}):
 * the operations of the ClickHouse {@code ApiKeyStore}, each one transaction. A revocation is an
 * update of the key's row, so every instance sees it on its next lookup; a rotation revokes the old
 * key and issues its replacement atomically, and of two concurrent rotations of one key only one
 * succeeds.
 */
public final class PostgresApiKeyStore implements KeyLookup {

  private static final String SELECT = "SELECT " + ApiKeyStore.COLUMNS + " FROM api_keys";

  private final Metadata metadata;

  public PostgresApiKeyStore(DataSource dataSource, Clock clock) {
    this.metadata = new Metadata(dataSource, clock);
  }

  /** Issues a new key for {@code tenantCode}; the returned secret is not stored anywhere. */
  public IssuedKey issue(String tenantCode, String name, String createdBy) throws SQLException {
    return metadata.inTransaction(c -> issue(c, tenantCode, name, createdBy));
  }

  @Override
  public Optional<ApiKey> findActive(String secret) throws SQLException {
    try (Connection c = metadata.connect()) {
      return Rows.first(
          c,
          SELECT + " WHERE key_hash = ? AND revoked_at IS NULL",
          ApiKeyStore::read,
          KeyHashing.sha256Hex(secret));
    }
  }

  public Optional<ApiKey> find(String keyId) throws SQLException {
    try (Connection c = metadata.connect()) {
      return Rows.first(c, SELECT + " WHERE key_id = ?", ApiKeyStore::read, keyId);
    }
  }

  /** Keys of one tenant, newest first, revoked ones included. */
  public List<ApiKey> list(String tenantCode) throws SQLException {
    try (Connection c = metadata.connect()) {
      return Rows.list(
          c,
          SELECT + " WHERE tenant_code = ? ORDER BY created_at DESC, key_id",
          ApiKeyStore::read,
          tenantCode);
    }
  }

  /**
   * Revokes an active key and issues a new one for the same tenant and name, in one transaction.
   * Empty when {@code keyId} is unknown or already revoked.
   */
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

  /** Revokes a key; true if it existed and was active. */
  public boolean revoke(String keyId) throws SQLException {
    return metadata.inTransaction(c -> revoke(c, keyId)).isPresent();
  }

  /**
   * Stores a key issued elsewhere with its secret's hash (a key moved from an older store); a key
   * id already stored is left as it is. True if stored.
   */
  public boolean importKey(ApiKey key, String keyHash) throws SQLException {
    return metadata.inTransaction(c -> insert(c, key, keyHash) == 1);
  }

  private IssuedKey issue(Connection c, String tenantCode, String name, String createdBy)
      throws SQLException {
    String secret = KeyHashing.newSecret();
    ApiKey key =
        new ApiKey(
            KeyHashing.newKeyId(), tenantCode, name, metadata.now(), createdBy, Optional.empty());
    insert(c, key, KeyHashing.sha256Hex(secret));
    return new IssuedKey(key, secret);
  }

  /** The key as it was before this revocation; empty if it was unknown or already revoked. */
  private Optional<ApiKey> revoke(Connection c, String keyId) throws SQLException {
    return Rows.first(
        c,
        "UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL RETURNING "
            + ApiKeyStore.COLUMNS,
        ApiKeyStore::read,
        Timestamp.from(metadata.now()),
        keyId);
  }

  private static int insert(Connection c, ApiKey key, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO api_keys (key_id, tenant_code, name, key_hash, created_at, created_by,"
                + " revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING")) {
      ApiKeyStore.bind(ps, key, hash);
      return ps.executeUpdate();
    }
  }
}
