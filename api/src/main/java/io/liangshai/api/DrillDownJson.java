package io.liangshai.api;

import io.liangshai.warehouse.BatchesTable;
import io.liangshai.warehouse.figures.CaseFactRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The drill-down's rows as the API answers them ({@code GET /cases}, {@code GET /batches}). */
final class DrillDownJson {

  private DrillDownJson() {}

  static JsonArray cases(List<CaseFactRow> rows) {
    JsonArray json = new JsonArray();
    for (CaseFactRow r : rows) {
      json.add(
          new JsonObject()
              .put("tenant", r.tenant())
              .put("case_id", r.caseId())
              .put("updated_at", text(r.updatedAt()))
              .put("enterprise_uscc", r.enterpriseUscc())
              .put("enterprise_name", r.enterpriseName())
              .put("channel", r.channel())
              .put("category", r.category())
              .put("status", r.status())
              .put("received_at", text(r.receivedAt()))
              .put("deadline", text(r.deadline()))
              .put("deadline_derived", r.deadlineDerived())
              .put("closed_at", text(r.closedAt()))
              .put("escalation_level", r.escalationLevel())
              .put("reassigned_count", r.reassignedCount())
              .put("leader_instructed", r.leaderInstructed())
              .put("satisfaction", r.satisfaction())
              .put("description", r.description())
              .put("recurrence", r.recurrence())
              .put("overdue", r.overdue()));
    }
    return json;
  }

  /** Batches with at most {@code maxErrors} of their errors each. */
  static JsonArray batches(List<BatchesTable.Row> rows, int maxErrors) {
    JsonArray json = new JsonArray();
    for (BatchesTable.Row r : rows) {
      json.add(batch(r, maxErrors));
    }
    return json;
  }

  private static JsonObject batch(BatchesTable.Row r, int maxErrors) {
    JsonArray errors;
    try {
      errors = new JsonArray(r.errorsJson());
    } catch (RuntimeException unreadable) {
      errors = new JsonArray();
    }
    int errorCount = errors.size();
    JsonArray shown =
        new JsonArray(
            new ArrayList<>(errors.getList().subList(0, Math.min(errorCount, maxErrors))));
    return new JsonObject()
        .put("batch_id", r.batchId())
        .put("tenant", r.tenant())
        .put("key_id", r.keyId())
        .put("received_at", text(r.receivedAt()))
        .put("format", r.contentType())
        .put("bytes", (long) r.bytes())
        .put("sha256", r.sha256())
        .put("accepted", (long) r.accepted())
        .put("ignored", (long) r.ignored())
        .put("rejected", (long) r.rejected())
        .put("errors", shown)
        .put("errors_truncated", errorCount > shown.size());
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
