package io.liangshai.metadata;

import io.liangshai.core.lang.Required;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored scheme versions, as {@link Row}s (the definition JSON without id, name and version): the
 * minimal store behind the API's {@code SchemeStore}, which adds the built-in {@code standard} and
 * turns a row into a {@code Scheme}. A version is written once: never replaced, only retired. A
 * failed store call throws the unchecked {@link MetadataStoreException}.
 */
public interface SchemeVersionStore {

  /**
   * One stored version.
   *
   * @param definition the scheme's JSON, without id, name and version
   */
  record Row(
      String id,
      int version,
      String name,
      String definition,
      Instant createdAt,
      String createdBy,
      Optional<Instant> retiredAt) {

    public Row {
      Required.nonNull("id retiredAt", id, retiredAt);
    }
  }

  /** Every stored version, by id and version. */
  List<Row> all();

  /** Every version of {@code id}, oldest first. */
  List<Row> versionsOf(String id);

  /**
   * Stores {@code name} and {@code definition} as the next version of {@code id} (1 for a new id);
   * concurrent creates of one id get distinct versions.
   */
  Row create(String id, String name, String definition, String createdBy);

  /**
   * Stores {@code version} as it is (a version made elsewhere, e.g. moved from an older store).
   *
   * @throws SchemeVersionExistsException when {@code id@version} is already stored
   */
  void define(Row version);

  /**
   * Retires {@code version} of {@code id}, or every active version when it is null; a retired
   * version keeps its first retirement time.
   *
   * @return every version of {@code id} afterwards; empty when there is no such id or version
   */
  List<Row> retire(String id, Integer version);
}
