package io.liangshai.tenants.keys;

import java.sql.SQLException;
import java.util.Optional;

/** Finds the active key of a secret: the one query authentication makes. */
@FunctionalInterface
public interface KeyLookup {

  /** The active key whose secret is {@code secret}, if any. */
  Optional<ApiKey> findActive(String secret) throws SQLException;
}
