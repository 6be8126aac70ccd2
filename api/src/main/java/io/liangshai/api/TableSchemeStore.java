package io.liangshai.api;

import io.liangshai.core.ranking.Scheme;
import io.liangshai.warehouse.SchemesTable;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SchemeStore} on ClickHouse table {@code schemes} through {@link SchemesTable}: this class
 * only turns a {@link Scheme} into a stored row and back (its JSON is the API's {@link
 * SchemeJson}).
 */
final class TableSchemeStore implements SchemeStore {

  private static final SchemeVersion BUILT_IN =
      new SchemeVersion(Scheme.standard(), null, null, Optional.empty());

  private final SchemesTable table;
  private final Clock clock;

  TableSchemeStore(SchemesTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<SchemeVersion> all() {
    List<SchemeVersion> all = new ArrayList<>();
    all.add(BUILT_IN);
    table.all().stream().map(TableSchemeStore::version).forEach(all::add);
    return all;
  }

  @Override
  public List<SchemeVersion> versions(String id) {
    if (SchemeStore.isBuiltIn(id)) {
      return List.of(BUILT_IN);
    }
    return table.versionsOf(id).stream().map(TableSchemeStore::version).toList();
  }

  /** Serialised within this store: two creates of one id get distinct versions. */
  @Override
  public synchronized SchemeVersion create(Scheme draft, String createdBy) {
    if (SchemeStore.isBuiltIn(draft.id())) {
      throw new IllegalArgumentException(STANDARD + " is built in and cannot be overwritten");
    }
    int next = table.lastVersion(draft.id()) + 1;
    SchemeVersion created =
        new SchemeVersion(
            draft.toBuilder().version(next).build(), now(), createdBy, Optional.empty());
    table.write(row(created), 1);
    return created;
  }

  @Override
  public synchronized List<SchemeVersion> retire(String id, Integer version) {
    if (SchemeStore.isBuiltIn(id)) {
      throw new IllegalArgumentException(STANDARD + " is built in and cannot be retired");
    }
    List<SchemeVersion> versions = versions(id);
    if (version != null && versions.stream().noneMatch(v -> v.scheme().version() == version)) {
      return List.of();
    }
    Instant now = now();
    List<SchemeVersion> after = new ArrayList<>();
    for (SchemeVersion v : versions) {
      boolean target = version == null || v.scheme().version() == version;
      if (target && !v.isRetired()) {
        v = new SchemeVersion(v.scheme(), v.createdAt(), v.createdBy(), Optional.of(now));
        table.write(row(v), 2);
      }
      after.add(v);
    }
    return after;
  }

  private Instant now() {
    // DateTime64(3): keep what the table keeps, so the answer equals a later read.
    return Instant.ofEpochMilli(clock.millis());
  }

  private static SchemesTable.Row row(SchemeVersion v) {
    JsonObject definition = SchemeJson.toJson(v.scheme());
    definition.remove("version");
    return new SchemesTable.Row(
        v.scheme().id(),
        v.scheme().version(),
        v.scheme().name(),
        definition.encode(),
        v.createdAt(),
        v.createdBy(),
        v.retiredAt());
  }

  private static SchemeVersion version(SchemesTable.Row row) {
    JsonObject definition = new JsonObject(row.definition());
    definition.put("id", row.id()).put("name", row.name());
    Scheme scheme;
    try {
      scheme = SchemeJson.parse(definition, row.version());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "stored scheme "
              + row.id()
              + "@"
              + row.version()
              + " no longer parses: "
              + e.getMessage(),
          e);
    }
    return new SchemeVersion(scheme, row.createdAt(), row.createdBy(), row.retiredAt());
  }
}
