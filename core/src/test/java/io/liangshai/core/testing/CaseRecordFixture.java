package io.liangshai.core.testing;

import io.liangshai.core.record.CaseField;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.record.Satisfaction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds test case records from sensible defaults, so a test names only what it is about: {@code
 * aCase().receivedAt(t).closedAt(t2).build()}. Also renders the wire form of a record as a raw row,
 * the way an upload would carry it.
 */
public final class CaseRecordFixture {

  /** A valid 统一社会信用代码 (check character correct). */
  public static final String USCC = "91350100M000100Y43";

  /** Another valid code, for a second enterprise. */
  public static final String OTHER_USCC = "91330381E555KQXB8C";

  /** The county tenant used by default (长兴县). */
  public static final String TENANT = "330522";

  /** The columns every uploaded row must have, in the template's order. */
  public static final List<String> REQUIRED_COLUMNS =
      Stream.of(
              CaseField.CASE_ID,
              CaseField.TENANT_CODE,
              CaseField.UPDATED_AT,
              CaseField.ENTERPRISE_USCC,
              CaseField.CHANNEL,
              CaseField.CATEGORY,
              CaseField.RECEIVED_AT,
              CaseField.STATUS)
          .map(CaseField::wireName)
          .toList();

  /** The default {@code received_at}: 2024-01-02 09:00 Beijing time. */
  public static final Instant RECEIVED_AT = Instant.parse("2024-01-02T01:00:00Z");

  private String caseId = "case-1";
  private String tenantCode = TENANT;
  private Instant updatedAt;
  private String uscc = USCC;
  private String enterpriseName = "湖州示例科技有限公司";
  private Channel channel = Channel.HOTLINE_12345;
  private Category category = Category.GENERAL;
  private Instant receivedAt = RECEIVED_AT;
  private Instant deadline;
  private CaseStatus status = CaseStatus.RECEIVED;
  private Instant closedAt;
  private EscalationLevel escalationLevel = EscalationLevel.COUNTY;
  private int reassignedCount;
  private boolean leaderInstructed;
  private Satisfaction satisfaction;
  private String description = "企业反映用地审批进度慢";

  private CaseRecordFixture() {}

  /** A received, unrated county case of {@link #TENANT} received at {@link #RECEIVED_AT}. */
  public static CaseRecordFixture aCase() {
    return new CaseRecordFixture();
  }

  /** A fixture starting from every field of {@code r}, to build a version of it that differs. */
  public static CaseRecordFixture from(CaseRecord r) {
    CaseRecordFixture f = new CaseRecordFixture();
    f.caseId = r.caseId();
    f.tenantCode = r.tenantCode();
    f.updatedAt = r.updatedAt();
    f.uscc = r.enterpriseUscc();
    f.enterpriseName = r.enterpriseName();
    f.channel = r.channel();
    f.category = r.category();
    f.receivedAt = r.receivedAt();
    f.deadline = r.deadline();
    f.status = r.status();
    f.closedAt = r.closedAt();
    f.escalationLevel = r.escalationLevel();
    f.reassignedCount = r.reassignedCount();
    f.leaderInstructed = r.leaderInstructed();
    f.satisfaction = r.satisfaction();
    f.description = r.description();
    return f;
  }

  public CaseRecordFixture caseId(String value) {
    caseId = value;
    return this;
  }

  public CaseRecordFixture tenantCode(String value) {
    tenantCode = value;
    return this;
  }

  /** Defaults to the latest of received_at and closed_at. */
  public CaseRecordFixture updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  public CaseRecordFixture uscc(String value) {
    uscc = value;
    return this;
  }

  public CaseRecordFixture enterpriseName(String value) {
    enterpriseName = value;
    return this;
  }

  public CaseRecordFixture channel(Channel value) {
    channel = value;
    return this;
  }

  public CaseRecordFixture category(Category value) {
    category = value;
    return this;
  }

  public CaseRecordFixture receivedAt(Instant value) {
    receivedAt = value;
    return this;
  }

  public CaseRecordFixture deadline(Instant value) {
    deadline = value;
    return this;
  }

  public CaseRecordFixture status(CaseStatus value) {
    status = value;
    return this;
  }

  /** Sets closed_at and status closed. */
  public CaseRecordFixture closedAt(Instant value) {
    closedAt = value;
    status = CaseStatus.CLOSED;
    return this;
  }

  public CaseRecordFixture escalationLevel(EscalationLevel value) {
    escalationLevel = value;
    return this;
  }

  public CaseRecordFixture reassignedCount(int value) {
    reassignedCount = value;
    return this;
  }

  public CaseRecordFixture leaderInstructed(boolean value) {
    leaderInstructed = value;
    return this;
  }

  public CaseRecordFixture satisfaction(Satisfaction value) {
    satisfaction = value;
    return this;
  }

  public CaseRecordFixture description(String value) {
    description = value;
    return this;
  }

  public CaseRecord build() {
    Instant updated = updatedAt;
    if (updated == null) {
      updated = closedAt != null && closedAt.isAfter(receivedAt) ? closedAt : receivedAt;
    }
    return new CaseRecord(
        caseId,
        tenantCode,
        updated,
        uscc,
        enterpriseName,
        channel,
        category,
        receivedAt,
        deadline,
        status,
        closedAt,
        escalationLevel,
        reassignedCount,
        leaderInstructed,
        satisfaction,
        description);
  }

  /**
   * The record as a raw JSON row: every field present, timestamps in ISO-8601 with {@code Z}, as a
   * mutable map that a test can then break.
   */
  public Map<String, Object> row() {
    CaseRecord r = build();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case_id", r.caseId());
    row.put("tenant_code", r.tenantCode());
    row.put("updated_at", text(r.updatedAt()));
    row.put("enterprise_uscc", r.enterpriseUscc());
    row.put("enterprise_name", r.enterpriseName());
    row.put("channel", r.channel().wireName());
    row.put("category", r.category().wireName());
    row.put("received_at", text(r.receivedAt()));
    row.put("deadline", text(r.deadline()));
    row.put("status", r.status().wireName());
    row.put("closed_at", text(r.closedAt()));
    row.put("escalation_level", r.escalationLevel().wireName());
    row.put("reassigned_count", r.reassignedCount());
    row.put("leader_instructed", r.leaderInstructed());
    row.put("satisfaction", r.satisfaction() == null ? null : r.satisfaction().wireName());
    row.put("description", r.description());
    return row;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
