package io.liangshai.warehouse.figures;

import java.time.Instant;

/**
 * The current version of one case as the drill-down shows it, read from {@code case_facts} by
 * {@link CaseFactsQueries}. Instants are null where the case has none.
 *
 * @param overdue whether the case is overdue at the time of the query: closed late, or open past
 *     its deadline
 */
public record CaseFactRow(
    String tenant,
    String caseId,
    Instant updatedAt,
    String enterpriseUscc,
    String enterpriseName,
    String channel,
    String category,
    String status,
    Instant receivedAt,
    Instant deadline,
    boolean deadlineDerived,
    Instant closedAt,
    String escalationLevel,
    int reassignedCount,
    boolean leaderInstructed,
    String satisfaction,
    String description,
    boolean recurrence,
    boolean overdue) {}
