package io.liangshai.metadata;

import io.liangshai.warehouse.SchemesTable.Row;
import java.sql.SQLException;
import java.util.List;

/**
 * Stored scheme versions, as {@link Row}s (the definition JSON without id, name and version): the
 * minimal store behind the API's {@code SchemeStore}, which adds the built-in {@code standard} and
 * turns a row into a {@code Scheme} ({@code TableSchemeStore} does that today over the ClickHouse
 * {@code SchemesTable}, with the same rows). A version is written once: never replaced, only
 * retired.
 */
public interface SchemeVersionStore {

  /** Every stored version, by id and version. */
  List<Row> all() throws SQLException;

  /** Every version of {@code id}, oldest first. */
  List<Row> versionsOf(String id) throws SQLException;

  /**
   * Stores {@code name} and {@code definition} as the next version of {@code id} (1 for a new id);
   * concurrent creates of one id get distinct versions.
   */
  Row create(String id, String name, String definition, String createdBy) throws SQLException;

  /**
   * Stores {@code version} as it is (a version made elsewhere, e.g. moved from an older store).
   *
   * @throws SchemeVersionExistsException when {@code id@version} is already stored
   */
  void define(Row version) throws SQLException;

  /**
   * Retires {@code version} of {@code id}, or every active version when it is null; a retired
   * version keeps its first retirement time.
   *
   * @return every version of {@code id} afterwards; empty when there is no such id or version
   */
  List<Row> retire(String id, Integer version) throws SQLException;
}
