package io.liangshai.reports;

import io.liangshai.core.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * A request to publish a bulletin, as the caller gave it; {@link BulletinPublisher} checks each
 * field and fills in the defaults.
 *
 * @param period e.g. {@code 2024-01}; may be left out for a correction (the corrected one's)
 * @param groups peer groups in bulletin order; null for the default (the four standard groups, or
 *     for a correction the corrected one's)
 * @param scheme {@code id} or {@code id@version}; null for {@code standard} (or the corrected
 *     one's)
 * @param corrects the id of the bulletin this one corrects, or null
 * @param actorTenant the publishing tenant's code (the province)
 * @param actorKey the key it published with
 */
public record PublishRequest(
    String period,
    List<String> groups,
    String scheme,
    String corrects,
    String actorTenant,
    String actorKey) {

  public PublishRequest {
    groups = groups == null ? null : List.copyOf(groups);
    Objects.requireNonNull(actorTenant, "actorTenant");
    Objects.requireNonNull(actorKey, "actorKey");
  }

  /**
   * The period {@code text} names, or for a correction without one the corrected bulletin's; a
   * correction covers the period of what it corrects.
   *
   * @throws PublishException naming {@code period}
   */
  static Period period(String text, Bulletin corrected) {
    if (text == null) {
      if (corrected == null) {
        throw PublishException.invalid("period", "is required, e.g. 2024-03");
      }
      return Period.parse(corrected.period());
    }
    Period period;
    try {
      period = Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw PublishException.invalid("period", e.getMessage());
    }
    if (corrected != null && !corrected.period().equals(period.toString())) {
      throw PublishException.invalid(
          "period",
          "a correction covers the period of the bulletin it corrects, "
              + corrected.period()
              + ", not "
              + period);
    }
    return period;
  }
}
