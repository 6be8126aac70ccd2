package io.liangshai.api;

import io.liangshai.core.ranking.Scheme;
import io.liangshai.metadata.SchemeVersionStore;
import io.liangshai.metadata.SchemeVersionStore.Row;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SchemeStore} on the metadata database's {@link SchemeVersionStore} (PostgreSQL), which
 * numbers versions and refuses a second definition of one: this class only adds the built-in scheme
 * and turns a {@link Scheme} into a stored row and back (its JSON is the API's {@link SchemeJson}).
 * A failed store call throws the store's unchecked {@code MetadataStoreException}.
 */
final class MetadataSchemeStore implements SchemeStore {

  private static final SchemeVersion BUILT_IN =
      new SchemeVersion(Scheme.standard(), null, null, Optional.empty());

  private final SchemeVersionStore store;

  MetadataSchemeStore(SchemeVersionStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public List<SchemeVersion> all() {
    List<SchemeVersion> all = new ArrayList<>();
    all.add(BUILT_IN);
    store.all().stream().map(MetadataSchemeStore::version).forEach(all::add);
    return all;
  }

  @Override
  public List<SchemeVersion> versions(String id) {
    if (SchemeStore.isBuiltIn(id)) {
      return List.of(BUILT_IN);
    }
    return store.versionsOf(id).stream().map(MetadataSchemeStore::version).toList();
  }

  /** Numbered by the store in its transaction: two creates of one id get distinct versions. */
  @Override
  public SchemeVersion create(Scheme draft, String createdBy) {
    if (SchemeStore.isBuiltIn(draft.id())) {
      throw new IllegalArgumentException(STANDARD + " is built in and cannot be overwritten");
    }
    JsonObject definition = SchemeJson.toJson(draft);
    definition.remove("version");
    return version(store.create(draft.id(), draft.name(), definition.encode(), createdBy));
  }

  @Override
  public List<SchemeVersion> retire(String id, Integer version) {
    if (SchemeStore.isBuiltIn(id)) {
      throw new IllegalArgumentException(STANDARD + " is built in and cannot be retired");
    }
    return store.retire(id, version).stream().map(MetadataSchemeStore::version).toList();
  }

  private static SchemeVersion version(Row row) {
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
