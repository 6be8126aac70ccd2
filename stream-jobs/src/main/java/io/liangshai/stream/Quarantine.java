package io.liangshai.stream;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an operator sets aside an element it cannot process, instead of failing the job (which would
 * restart, meet the same line again and fail for ever, stalling every tenant): a row on the side
 * output {@link #OUTPUT} for ClickHouse table {@code quarantine}, a metric counter {@code
 * quarantined}, and a warning in the log. Operators compute first and update their keyed state
 * last, so a set-aside element leaves the state as it was; they catch only {@link
 * RuntimeException}s of their own computation — a failing sink or state backend still fails the
 * job, which then restarts and catches up.
 */
final class Quarantine implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

  /** The side output every operator sends its quarantine rows to. */
  static final OutputTag<QuarantinedLine> OUTPUT =
      new OutputTag<>("quarantine", TypeInformation.of(QuarantinedLine.class));

  private final String operator;
  private transient Counter counter;

  /**
   * @param operator the operator's name as the job graph shows it, e.g. {@code case facts}
   */
  Quarantine(String operator) {
    this.operator = Objects.requireNonNull(operator, "operator");
  }

  /** Registers the counter {@code quarantined} in the operator's metric group. */
  void open(MetricGroup metrics) {
    counter = metrics.counter("quarantined");
  }

  /** A quarantine row for a record the operator held (its canonical JSON as the content). */
  QuarantinedLine row(Origin origin, CaseRecord record, RuntimeException e) {
    String tenant = record == null ? "" : record.tenantCode();
    String caseId = record == null ? "" : record.caseId();
    return row(origin, tenant, caseId, e, record == null ? "" : json(record));
  }

  /** A quarantine row for a group change (a leave carries no record, only its case). */
  QuarantinedLine row(GroupChange change, RuntimeException e) {
    if (change.record() != null) {
      return row(change.origin(), change.record(), e);
    }
    return row(
        change.origin(),
        change.caseKey().tenantCode(),
        change.caseId(),
        e,
        "leave " + change.groupKey());
  }

  /** A quarantine row with what the operator knows of the element. */
  QuarantinedLine row(
      Origin from, String tenant, String caseId, RuntimeException e, String content) {
    Origin origin = from == null ? Origin.NONE : from;
    if (counter != null) {
      counter.inc();
    }
    LOG.warn(
        "{}: set aside line {} of batch '{}' (tenant '{}', case '{}'): {}",
        operator,
        origin.line(),
        origin.batchId(),
        tenant,
        caseId,
        QuarantinedLine.reasonOf(e));
    return new QuarantinedLine(
        origin.batchId(),
        origin.line(),
        tenant,
        caseId,
        operator,
        QuarantinedLine.reasonOf(e),
        content,
        Instant.now());
  }

  private static String json(CaseRecord record) {
    try {
      return CaseRecordCodec.toJson(record);
    } catch (RuntimeException e) {
      return String.valueOf(record);
    }
  }
}
