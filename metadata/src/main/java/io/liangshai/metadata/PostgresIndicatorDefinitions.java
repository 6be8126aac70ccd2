package io.liangshai.metadata;

import io.liangshai.core.lang.Required;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Stored indicator definitions (SPEC §7) on table {@code indicator_definitions}, versioned like
 * {@link PostgresSchemeVersions}: the same code again is the next version, numbered by {@link
 * Numbering} in the same transaction as its row, so concurrent creates get distinct versions. A
 * version is never replaced, only retired. The definition is kept as the API's JSON; what it means
 * is core's {@code IndicatorDefinitionParser}'s. A failed call throws {@link
 * MetadataStoreException}.
 */
public final class PostgresIndicatorDefinitions {

  static final String SCOPE = "indicator";

  private static final VersionedTable<Row> TABLE =
      new VersionedTable<>("indicator_definitions", "code", SCOPE, Row.class);

  /**
   * One stored version.
   *
   * @param definition the definition's JSON as {@code POST /api/v1/indicators} takes it
   */
  public record Row(
      String code,
      int version,
      String definition,
      Instant createdAt,
      String createdBy,
      Optional<Instant> retiredAt) {

    public Row {
      Required.nonNull("code definition retiredAt", code, definition, retiredAt);
    }

    public boolean isRetired() {
      return retiredAt.isPresent();
    }
  }

  private final Metadata metadata;

  public PostgresIndicatorDefinitions(DataSource dataSource, Clock clock) {
    this.metadata = new Metadata(dataSource, clock);
  }

  /** Every stored version, by code and version. */
  public List<Row> all() {
    return metadata.inTransaction("read indicator definitions", TABLE::all);
  }

  /** Stores {@code definition} as the next version of {@code code} (1 for a new code). */
  public Row create(String code, String definition, String createdBy) {
    return metadata.inTransaction(
        "store a new version of indicator " + code,
        c ->
            TABLE.create(
                c,
                code,
                version ->
                    new Row(
                        code, version, definition, metadata.now(), createdBy, Optional.empty())));
  }

  /**
   * Retires every active version of {@code code}; a retired version keeps its first retirement
   * time.
   *
   * @return every version of {@code code} afterwards; empty when there is no such code
   */
  public List<Row> retire(String code) {
    return metadata.inTransaction(
        "retire indicator " + code, c -> TABLE.retire(c, code, null, metadata.now()));
  }
}
