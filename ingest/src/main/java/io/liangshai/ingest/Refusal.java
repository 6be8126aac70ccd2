package io.liangshai.ingest;

import java.time.Instant;
import java.util.Objects;

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
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(reason, "reason");
  }
}
