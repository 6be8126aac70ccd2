package io.liangshai.api;

import io.liangshai.core.evaluation.BuiltInIndicators;
import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorDefinitionParser;
import io.liangshai.metadata.PostgresIndicatorDefinitions;
import io.liangshai.metadata.PostgresIndicatorDefinitions.Row;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The indicators of SPEC §7 as the API sees them: the four built-ins of core's {@link
 * BuiltInIndicators} (their name and target as the newest stored version not retired says, if any)
 * and the defined ones, each the newest version not retired, on the metadata database's {@link
 * PostgresIndicatorDefinitions}. A stored version's JSON is {@link IndicatorDefinition#toJson}'s.
 */
final class IndicatorCatalog {

  /** One stored version, read back. */
  record Version(
      IndicatorDefinition definition,
      int version,
      Instant createdAt,
      String createdBy,
      Optional<Instant> retiredAt) {

    boolean isRetired() {
      return retiredAt.isPresent();
    }
  }

  /**
   * One code: its current definition (null for a defined code whose versions are all retired) and
   * every stored version, oldest first.
   */
  record Entry(String code, IndicatorDefinition current, List<Version> versions) {

    boolean isBuiltIn() {
      return BuiltInIndicators.isBuiltIn(code);
    }

    /** The newest version not retired; null when there is none. */
    Integer currentVersion() {
      Integer current = null;
      for (Version v : versions) {
        if (!v.isRetired()) {
          current = v.version();
        }
      }
      return current;
    }
  }

  private final PostgresIndicatorDefinitions store;

  IndicatorCatalog(PostgresIndicatorDefinitions store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The built-ins in SPEC order, then every defined code in code order. */
  List<Entry> all() {
    Map<String, List<Version>> byCode = new LinkedHashMap<>();
    BuiltInIndicators.all().forEach(b -> byCode.put(b.code(), new ArrayList<>()));
    for (Row row : store.all()) {
      byCode.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(version(row));
    }
    List<Entry> entries = new ArrayList<>();
    byCode.forEach((code, versions) -> entries.add(entry(code, versions)));
    return entries;
  }

  /** The indicators in force: every built-in and every defined code not retired. */
  List<IndicatorDefinition> active() {
    return all().stream().map(Entry::current).filter(Objects::nonNull).toList();
  }

  /** Stores {@code definition} as the next version of its code. */
  Version create(IndicatorDefinition definition, String createdBy) {
    String json = new JsonObject(definition.toJson()).encode();
    return version(store.create(definition.code(), json, createdBy));
  }

  /** Retires every version of {@code code}: the entry afterwards, empty when there is none. */
  Optional<Entry> retire(String code) {
    List<Row> rows = store.retire(code);
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(entry(code, rows.stream().map(IndicatorCatalog::version).toList()));
  }

  private static Entry entry(String code, List<Version> versions) {
    IndicatorDefinition current = BuiltInIndicators.byCode(code).orElse(null);
    for (Version v : versions) {
      if (!v.isRetired()) {
        current = v.definition();
      }
    }
    return new Entry(code, current, List.copyOf(versions));
  }

  private static Version version(Row row) {
    IndicatorDefinitionParser.Result parsed =
        IndicatorDefinitionParser.parse(new JsonObject(row.definition()).getMap());
    if (!parsed.isValid()) {
      throw new IllegalStateException(
          "stored indicator "
              + row.code()
              + "@"
              + row.version()
              + " no longer parses: "
              + parsed.errors());
    }
    return new Version(
        parsed.definition(), row.version(), row.createdAt(), row.createdBy(), row.retiredAt());
  }
}
