package io.liangshai.warehouse.quarantine;

import java.time.Instant;
import java.util.Objects;

/**
 * One landed line the stream job set aside instead of failing on it: one row of ClickHouse table
 * {@code quarantine}.
 *
 * @param batchId the batch whose records file holds the line; {@code ""} when unknown (a file
 *     written before headers existed, seen downstream of the parser)
 * @param line the 1-based line number in the batch's records file (the header is line 1)
 * @param tenantCode the record's tenant, {@code ""} when unknown
 * @param caseId the record's case id, {@code ""} when unknown
 * @param operator the job's operator that could not process it, e.g. {@code parse records}
 * @param reason the exception's class and message, at most {@link #MAX_REASON} characters
 * @param content the line itself (or the record as the operator held it), at most {@link
 *     #MAX_CONTENT} characters
 * @param at when it was set aside
 */
public record QuarantinedLine(
    String batchId,
    long line,
    String tenantCode,
    String caseId,
    String operator,
    String reason,
    String content,
    Instant at) {

  public static final int MAX_REASON = 1_000;
  public static final int MAX_CONTENT = 2_000;

  public QuarantinedLine {
    batchId = Objects.requireNonNullElse(batchId, "");
    tenantCode = Objects.requireNonNullElse(tenantCode, "");
    caseId = Objects.requireNonNullElse(caseId, "");
    Objects.requireNonNull(operator, "operator");
    reason = cap(Objects.requireNonNullElse(reason, ""), MAX_REASON);
    content = cap(Objects.requireNonNullElse(content, ""), MAX_CONTENT);
    Objects.requireNonNull(at, "at");
    if (line < 0) {
      throw new IllegalArgumentException("line must be ≥ 0, got " + line);
    }
  }

  /** {@code "java.lang.IllegalArgumentException: message"}, capped. */
  public static String reasonOf(Throwable t) {
    String message = t.getMessage();
    String text = t.getClass().getName() + (message == null ? "" : ": " + message);
    return cap(text, MAX_REASON);
  }

  /** The same row with {@code batchId}: the parser learns a headerless file's batch at its end. */
  public QuarantinedLine inBatch(String batch) {
    return new QuarantinedLine(batch, line, tenantCode, caseId, operator, reason, content, at);
  }

  /** The first {@code max} characters of {@code text}, never splitting a surrogate pair. */
  static String cap(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
