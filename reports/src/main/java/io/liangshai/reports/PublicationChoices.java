package io.liangshai.reports;

import io.liangshai.core.ranking.Scheme;
import io.liangshai.reports.snapshot.Wording;
import io.liangshai.tenants.TenantRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a publication is asked to cover, checked against what exists: the peer groups of the
 * registry, the schemes {@link SchemeResolver} knows and the bulletins a correction may name. Each
 * wrong choice is a {@link PublishException} naming its field.
 */
final class PublicationChoices {

  private final TenantRegistry registry;
  private final SchemeResolver schemes;
  private final BulletinStore store;

  PublicationChoices(TenantRegistry registry, SchemeResolver schemes, BulletinStore store) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.schemes = Objects.requireNonNull(schemes, "schemes");
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The four standard peer groups the registry has, else every group it has. */
  List<String> defaultGroups() {
    List<String> known = registry.groups();
    List<String> standard = Wording.STANDARD_GROUPS.stream().filter(known::contains).toList();
    return standard.isEmpty() ? known : standard;
  }

  /** The bulletin {@code corrects} names, or null when it is null. */
  Bulletin corrected(String corrects) {
    if (corrects == null) {
      return null;
    }
    return store
        .find(corrects)
        .orElseThrow(
            () ->
                PublishException.invalid(
                    "corrects",
                    "no bulletin '" + corrects + "'; GET /api/v1/bulletins lists them"));
  }

  /** {@code groups}, each a known group, none twice, at least one. */
  List<String> groups(List<String> groups) {
    if (groups.isEmpty()) {
      throw PublishException.invalid("groups", "name at least one peer group");
    }
    Set<String> seen = new HashSet<>();
    List<String> known = registry.groups();
    for (int i = 0; i < groups.size(); i++) {
      String group = groups.get(i);
      if (group == null || !known.contains(group)) {
        throw PublishException.invalid(
            "groups[" + i + "]", "unknown peer group '" + group + "'; known groups: " + known);
      }
      if (!seen.add(group)) {
        throw PublishException.invalid("groups[" + i + "]", group + " is listed twice");
      }
    }
    return new ArrayList<>(groups);
  }

  /** The scheme {@code ref} names ({@code id} or {@code id@version}). */
  Scheme scheme(String ref) {
    return schemes
        .resolve(ref)
        .orElseThrow(
            () ->
                PublishException.invalid(
                    "scheme", "no scheme '" + ref + "'; GET /api/v1/schemes lists them"));
  }
}
