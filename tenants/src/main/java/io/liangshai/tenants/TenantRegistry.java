package io.liangshai.tenants;

import io.liangshai.core.record.TenantScope;
import io.liangshai.core.tenant.TenantHierarchy;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tenants of one province: their hierarchy (province → cities → counties) and peer groups.
 * Immutable; built by {@link TenantRegistryLoader}.
 */
public final class TenantRegistry {

  private final Map<String, Tenant> byCode;
  private final Tenant root;
  private final TenantHierarchy hierarchy;

  TenantRegistry(Collection<Tenant> tenants) {
    Map<String, Tenant> map = new LinkedHashMap<>();
    tenants.stream()
        .sorted((a, b) -> a.code().compareTo(b.code()))
        .forEach(
            t -> {
              if (map.putIfAbsent(t.code(), t) != null) {
                throw new IllegalArgumentException("tenant code " + t.code() + " appears twice");
              }
            });
    List<Tenant> roots =
        map.values().stream().filter(t -> t.level() == TenantLevel.PROVINCE).toList();
    if (roots.size() != 1) {
      throw new IllegalArgumentException(
          "the registry needs exactly one province, found " + roots.size());
    }
    for (Tenant t : map.values()) {
      t.parentCode()
          .ifPresent(
              parent -> {
                Tenant p = map.get(parent);
                if (p == null) {
                  throw new IllegalArgumentException(
                      "tenant " + t.code() + " names unknown parent " + parent);
                }
                boolean ok =
                    switch (t.level()) {
                      case CITY -> p.level() == TenantLevel.PROVINCE;
                      case COUNTY -> p.level() != TenantLevel.COUNTY;
                      case PROVINCE -> false;
                    };
                if (!ok) {
                  throw new IllegalArgumentException(
                      t.level().wireName()
                          + " "
                          + t.code()
                          + " cannot sit under "
                          + p.level().wireName()
                          + " "
                          + p.code());
                }
              });
    }
    this.byCode = Collections.unmodifiableMap(map);
    this.root = roots.get(0);
    Map<String, String> childToParent = new LinkedHashMap<>();
    map.values().forEach(t -> t.parentCode().ifPresent(p -> childToParent.put(t.code(), p)));
    this.hierarchy = TenantHierarchy.of(childToParent);
  }

  /** Every tenant, ordered by code. */
  public Collection<Tenant> all() {
    return byCode.values();
  }

  public Optional<Tenant> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The tenant with this code, or an {@link IllegalArgumentException} naming it. */
  public Tenant get(String code) {
    Tenant t = byCode.get(code);
    if (t == null) {
      throw new IllegalArgumentException("unknown tenant " + code);
    }
    return t;
  }

  /** The province at the top of the hierarchy. */
  public Tenant province() {
    return root;
  }

  public Optional<Tenant> parent(String code) {
    return get(code).parentCode().map(byCode::get);
  }

  /** The tenant itself followed by its ancestors up to the province: county, city, province. */
  public List<Tenant> selfAndAncestors(String code) {
    return hierarchy.selfAndAncestors(get(code).code()).stream().map(byCode::get).toList();
  }

  /** Whether {@code code} is {@code scope} itself or one of its descendants. */
  public boolean isSelfOrDescendant(String scope, String code) {
    return byCode.containsKey(code) && hierarchy.isSelfOrDescendant(scope, code);
  }

  /**
   * What an uploader of {@code uploader}'s key may send rows for: a known tenant that is {@code
   * uploader} itself or one of its descendants (SPEC §2; the same for reported values, §7).
   */
  public TenantScope scopeOf(String uploader) {
    return code -> {
      if (find(code).isEmpty()) {
        return Optional.of(TenantScope.unknown(code));
      }
      if (!isSelfOrDescendant(uploader, code)) {
        return Optional.of(TenantScope.outOfScope(code, uploader));
      }
      return Optional.empty();
    };
  }

  public List<Tenant> children(String code) {
    return byCode.values().stream()
        .filter(t -> t.parentCode().filter(code::equals).isPresent())
        .toList();
  }

  /** {@code code} and all its descendants, ordered by code. */
  public List<Tenant> selfAndDescendants(String code) {
    return byCode.values().stream().filter(t -> isSelfOrDescendant(code, t.code())).toList();
  }

  public List<Tenant> atLevel(TenantLevel level) {
    return byCode.values().stream().filter(t -> t.level() == level).toList();
  }

  /** Members of a peer group, ordered by code; empty when no tenant is in that group. */
  public List<Tenant> members(String group) {
    return byCode.values().stream().filter(t -> t.inGroup(group)).toList();
  }

  /** Every peer group named in the registry. */
  public List<String> groups() {
    return byCode.values().stream()
        .flatMap(t -> t.groups().stream())
        .collect(Collectors.toCollection(TreeSet::new))
        .stream()
        .toList();
  }

  /** Who sits under whom, by code: for code that wants the ancestry without the registry type. */
  public TenantHierarchy hierarchy() {
    return hierarchy;
  }
}
