package io.liangshai.core.testing;

import io.liangshai.core.tenant.TenantHierarchy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Zhejiang tenant list shipped as {@code tenants/zhejiang-tenants.csv}, read with a few lines
 * so that core's tests need no registry.
 */
public final class ZhejiangTenants {

  /** Classpath location of the tenant list. */
  public static final String RESOURCE = "/tenants/zhejiang-tenants.csv";

  /** The province tenant. */
  public static final String PROVINCE = "330000";

  /** One line of the list. */
  public record Tenant(
      String code, String name, String level, String parentCode, Set<String> groups) {}

  private ZhejiangTenants() {}

  /** Every tenant in file order: the province, then each city followed by its counties. */
  public static List<Tenant> all() {
    List<Tenant> tenants = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(SampleFeed.open(RESOURCE), StandardCharsets.UTF_8))) {
      lines.readLine(); // header: code,name,level,parent_code,groups
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          tenants.add(parse(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return tenants;
  }

  /** Each tenant code to its parent's; the province has no entry. */
  public static Map<String, String> childToParent() {
    Map<String, String> parents = new LinkedHashMap<>();
    all().stream()
        .filter(t -> t.parentCode() != null)
        .forEach(t -> parents.put(t.code(), t.parentCode()));
    return parents;
  }

  /** The hierarchy of {@link #childToParent()}. */
  public static TenantHierarchy hierarchy() {
    return TenantHierarchy.of(childToParent());
  }

  /** Every tenant code. */
  public static Set<String> codes() {
    return all().stream()
        .map(Tenant::code)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static Tenant parse(String line) {
    String[] f = line.split(",", -1);
    Set<String> groups = f[4].isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(f[4].split(";")));
    return new Tenant(f[0], f[1], f[2], f[3].isEmpty() ? null : f[3], groups);
  }
}
