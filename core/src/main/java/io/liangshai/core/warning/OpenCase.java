package io.liangshai.core.warning;

import io.liangshai.core.lang.Required;
import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import java.time.Instant;

/**
 * The latest version of a case that is neither closed nor withdrawn, with what the warnings list
 * shows and what its risk may be judged on.
 *
 * @param deadline the effective deadline (given, or derived from working days)
 * @param category what the case is about, which a learned model may judge it on
 * @param channel where the case came in
 */
public record OpenCase(
    String tenant,
    String caseId,
    Instant receivedAt,
    Instant deadline,
    EscalationLevel escalationLevel,
    int reassignedCount,
    boolean leaderInstructed,
    Category category,
    Channel channel) {

  public OpenCase {
    Required.nonNull(
        "tenant caseId receivedAt deadline escalationLevel category channel",
        tenant,
        caseId,
        receivedAt,
        deadline,
        escalationLevel,
        category,
        channel);
    if (reassignedCount < 0) {
      throw new IllegalArgumentException("reassignedCount must be ≥ 0, found " + reassignedCount);
    }
  }
}
