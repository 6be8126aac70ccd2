package io.liangshai.tenants.keys;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Where API keys are kept: the lookup authentication makes plus the administrator's writes. Only a
 * key's hash is stored; an issued secret is returned once. The metadata module's {@code
 * PostgresApiKeyStore} keeps them in PostgreSQL; the composition root chooses the implementation.
 */
public interface KeyStore extends KeyLookup {

  /** Issues a new key for {@code tenantCode}; the returned secret is not stored anywhere. */
  IssuedKey issue(String tenantCode, String name, String createdBy) throws SQLException;

  /** The newest version of key {@code keyId}, active or revoked. */
  Optional<ApiKey> find(String keyId) throws SQLException;

  /** The keys of {@code tenantCode}, active and revoked. */
  List<ApiKey> list(String tenantCode) throws SQLException;

  /**
   * Revokes an active key and issues a new one for the same tenant and name, atomically. Empty when
   * {@code keyId} is unknown or already revoked.
   */
  Optional<IssuedKey> rotate(String keyId, String rotatedBy) throws SQLException;

  /** Revokes a key; true if it existed and was active. */
  boolean revoke(String keyId) throws SQLException;
}
