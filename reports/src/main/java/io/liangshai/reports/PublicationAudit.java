package io.liangshai.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liangshai.core.time.Period;
import io.liangshai.warehouse.AuditLog;
import java.time.Instant;
import java.util.Objects;

/**
 * What the audit log records of bulletins: each publication ({@value #PUBLISH}, by whoever
 * published it) and each scheduled publication held for sign-offs ({@value #HOLD}, by the
 * scheduler).
 */
final class PublicationAudit {

  static final String PUBLISH = "bulletin.publish";
  static final String HOLD = "bulletin.hold";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditLog audit;

  PublicationAudit(AuditLog audit) {
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  void published(String actorTenant, String actorKey, Bulletin b) {
    ObjectNode detail =
        JSON.createObjectNode()
            .put("series", b.series())
            .put("issue_no", b.issueNo())
            .put("period", b.period())
            .put("scheme", b.scheme())
            .put("corrects", b.corrects())
            .put("pdf_sha256", b.pdfSha256());
    b.groups().forEach(detail.putArray("groups")::add);
    audit.record(actorTenant, actorKey, PUBLISH, b.id(), detail.toString());
  }

  /** The object is {@code series@period}, e.g. {@code monthly@2024-01}. */
  void held(String actorTenant, Series series, Period period, int missing, Instant until) {
    ObjectNode detail =
        JSON.createObjectNode()
            .put("series", series.id())
            .put("period", period.toString())
            .put("missing", missing)
            .put("until", until.toString());
    audit.record(
        actorTenant,
        BulletinPublisher.SCHEDULER,
        HOLD,
        series.id() + "@" + period,
        detail.toString());
  }
}
