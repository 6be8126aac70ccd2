package io.liangshai.metadata;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored version of a scoring scheme, as the API keeps it.
 *
 * @param definition the scheme's JSON (the API's {@code SchemeJson}), without id, name and version
 */
public record StoredSchemeVersion(
    String id,
    int version,
    String name,
    String definition,
    Instant createdAt,
    String createdBy,
    Optional<Instant> retiredAt) {

  public StoredSchemeVersion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(retiredAt, "retiredAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive, got " + version);
    }
  }

  /** {@code id@version} */
  public String ref() {
    return id + "@" + version;
  }
}
