package io.liangshai.ingest;

import io.liangshai.core.lang.Required;
import java.time.Instant;

/**
 * An upload answered 4xx before it became a batch ({@code batch.refused}): who tried, how much, and
 * why not, as kept in the {@link RefusalJournal}.
 *
 * @param id the refusal's id, {@code r_<UTC time to the millisecond>_<8 hex digits>}; ids sort by
 *     time
 * @param bytes the body's size when known
 */
public record Refusal(
    String id, Instant at, String tenant, String keyId, int status, String reason, Long bytes) {

  public Refusal {
    Required.nonNull("id at tenant keyId reason", id, at, tenant, keyId, reason);
  }
}
