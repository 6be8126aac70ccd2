package io.liangshai.reports.snapshot;

import io.liangshai.core.time.Period;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.tenants.TenantRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which tenants have signed off a month (数据审核确认, SPEC §10), for the bulletin's line of those that
 * have not. Empty when the publisher is not told (the line is then left out).
 */
@FunctionalInterface
public interface SignoffStatus {

  /** Not known: bulletins carry no sign-off line. */
  SignoffStatus UNKNOWN = month -> Optional.empty();

  /** The codes of the tenants with a sign-off of {@code month} in force. */
  Optional<Set<String>> signedOff(Period month);

  /**
   * The cities and counties of {@code registry} without a sign-off of {@code month} in force, by
   * code: whom a bulletin names as not signed off, and whom a schedule waiting for sign-offs waits
   * for. Empty when not known.
   */
  default Optional<List<Tenant>> unsigned(TenantRegistry registry, Period month) {
    return signedOff(month)
        .map(
            signed ->
                registry.all().stream()
                    .filter(t -> t.level() != TenantLevel.PROVINCE && !signed.contains(t.code()))
                    .sorted(Comparator.comparing(Tenant::code))
                    .toList());
  }
}
