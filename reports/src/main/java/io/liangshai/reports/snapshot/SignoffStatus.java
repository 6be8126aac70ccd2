package io.liangshai.reports.snapshot;

import io.liangshai.core.time.Period;
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
}
