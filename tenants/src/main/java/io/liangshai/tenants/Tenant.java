package io.liangshai.tenants;

import io.liangshai.core.lang.Required;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant of the platform: a province, city or county named by its GB/T 2260 code.
 *
 * @param code six-digit GB/T 2260 code, e.g. {@code 330522} (长兴县)
 * @param name the Chinese name, e.g. {@code 长兴县}
 * @param level province, city or county
 * @param parentCode the parent tenant's code; empty for the province
 * @param groups the peer groups it belongs to, e.g. {@code counties}, {@code mountain26}
 */
public record Tenant(
    String code, String name, TenantLevel level, Optional<String> parentCode, List<String> groups) {

  public Tenant {
    Required.nonNull("code name level parentCode", code, name, level, parentCode);
    groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
    if (!code.matches("\\d{6}")) {
      throw new IllegalArgumentException("tenant code must be 6 digits, got '" + code + "'");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("tenant " + code + " has an empty name");
    }
    if (level == TenantLevel.PROVINCE && parentCode.isPresent()) {
      throw new IllegalArgumentException("province " + code + " cannot have a parent");
    }
    if (level != TenantLevel.PROVINCE && parentCode.isEmpty()) {
      throw new IllegalArgumentException(level.wireName() + " " + code + " needs a parent_code");
    }
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }
}
