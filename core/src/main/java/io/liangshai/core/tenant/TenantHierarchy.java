package io.liangshai.core.tenant;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who sits under whom (province → cities → counties), by tenant code: the one definition of a
 * tenant's ancestry, used by the registry, the reference calculator and the stream job (which is
 * why it is {@link Serializable}). Immutable; a cycle is refused when it is built.
 */
public final class TenantHierarchy implements Serializable {

  private static final long serialVersionUID = 1L;

  private final HashMap<String, String> childToParent;

  private TenantHierarchy(Map<String, String> childToParent) {
    this.childToParent = new HashMap<>(childToParent);
  }

  /**
   * The hierarchy in which each key's parent is its value; roots (the province) have no entry.
   *
   * @throws IllegalArgumentException naming a tenant on a cycle
   */
  public static TenantHierarchy of(Map<String, String> childToParent) {
    TenantHierarchy hierarchy = new TenantHierarchy(childToParent);
    childToParent.keySet().forEach(hierarchy::selfAndAncestors);
    return hierarchy;
  }

  /** The parent of {@code code}; empty for a root or a code the hierarchy does not name. */
  public Optional<String> parent(String code) {
    return Optional.ofNullable(childToParent.get(code));
  }

  /** {@code code} followed by its parent, grandparent and so on up to the root. */
  public List<String> selfAndAncestors(String code) {
    Set<String> chain = new LinkedHashSet<>();
    for (String t = code; t != null; t = childToParent.get(t)) {
      if (!chain.add(t)) {
        throw new IllegalArgumentException("tenant hierarchy has a cycle through " + t);
      }
    }
    return List.copyOf(chain);
  }

  /** The ancestors of {@code code} without itself: its parent, grandparent and so on. */
  public List<String> ancestors(String code) {
    List<String> chain = selfAndAncestors(code);
    return chain.subList(1, chain.size());
  }

  /** Whether {@code code} is {@code scope} itself or one of its descendants. */
  public boolean isSelfOrDescendant(String scope, String code) {
    return selfAndAncestors(code).contains(scope);
  }

  /** Every code the hierarchy names, as a child or as a parent, sorted. */
  public Set<String> codes() {
    Set<String> codes = new TreeSet<>(childToParent.keySet());
    codes.addAll(childToParent.values());
    return Collections.unmodifiableSet(codes);
  }

  /** Child code → parent code. */
  public Map<String, String> childToParent() {
    return Collections.unmodifiableMap(childToParent);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantHierarchy h && h.childToParent.equals(childToParent);
  }

  @Override
  public int hashCode() {
    return childToParent.hashCode();
  }

  @Override
  public String toString() {
    return "TenantHierarchy" + new ArrayList<>(childToParent.entrySet());
  }
}
