package io.liangshai.core.record;

import io.liangshai.core.time.ChinaTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The single-field and cross-field rules of SPEC §2, with its bounds, shared by {@link
 * CaseRecord}'s constructor and {@link CaseRecordValidator} so both say the same thing. Each
 * returns the {@link Problem} (its code, parameters and English message), or empty. None of them
 * throws on any value, and none does arithmetic on a value before its bounds are known to hold.
 */
final class CaseRules {

  static final int MAX_CASE_ID_LENGTH = 64;

  /** {@code enterprise_name}: at most 200 characters (Unicode code points). */
  static final int MAX_ENTERPRISE_NAME = 200;

  /** {@code description}: at most 4,000 characters (Unicode code points). */
  static final int MAX_DESCRIPTION = 4_000;

  /** {@code reassigned_count} (二次交办): at most 1,000. */
  static final int MAX_REASSIGNED_COUNT = 1_000;

  /** The earliest {@code received_at}, {@code updated_at} or {@code closed_at}. */
  static final Instant EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00+08:00").toInstant();

  static final String EARLIEST_TEXT = "2000-01-01T00:00:00+08:00";

  /** How far after the time of upload a timestamp may lie. */
  static final Duration AFTER_UPLOAD = Duration.ofDays(366);

  /** How many calendar years after {@code received_at} a given {@code deadline} may lie. */
  static final int DEADLINE_YEARS = 5;

  /**
   * The latest {@code received_at} whose 5-year horizon the calendar can compute; only a record
   * built without the validator (which bounds {@code received_at} far below) can come near it.
   */
  private static final Instant LATEST_COMPUTABLE = Instant.parse("+999999000-01-01T00:00:00Z");

  private static final Pattern TENANT_CODE = Pattern.compile("[0-9]{6}");
  private static final int NANOS_PER_MICRO = 1_000;

  private CaseRules() {}

  /**
   * 1–64 characters, not beginning or ending with white space: an id is kept exactly as sent, so "
   * a" would be another case than "a" and is refused instead of trimmed.
   */
  static Optional<Problem> caseId(String caseId) {
    if (caseId == null || caseId.isBlank()) {
      return Optional.of(
          Problem.of(
              ErrorCode.FIELD_REQUIRED,
              "is required: expected 1–64 characters, found an empty value"));
    }
    Optional<Problem> tooLong = maxLength(caseId, MAX_CASE_ID_LENGTH);
    if (tooLong.isPresent()) {
      return tooLong;
    }
    if (isSpace(caseId.codePointAt(0)) || isSpace(caseId.codePointBefore(caseId.length()))) {
      return Optional.of(
          Problem.of(
              ErrorCode.CASE_ID_SURROUNDING_SPACE,
              "must not begin or end with white space, found "
                  + Texts.quote(caseId)
                  + ": a case id is kept exactly as sent, so remove the spaces in the source data",
              "found",
              Texts.cut(caseId)));
    }
    return Optional.empty();
  }

  /** At most {@code max} characters, counted as Unicode code points; null passes. */
  static Optional<Problem> maxLength(String value, int max) {
    if (value == null || value.length() <= max) {
      return Optional.empty(); // never more code points than chars
    }
    int codePoints = value.codePointCount(0, value.length());
    if (codePoints <= max) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.of(
            ErrorCode.TEXT_TOO_LONG,
            "expected at most "
                + max
                + " characters, found "
                + codePoints
                + " (counted as Unicode code points)",
            "max",
            max,
            "length",
            codePoints));
  }

  static Optional<Problem> tenantCode(String tenantCode) {
    if (tenantCode == null || !TENANT_CODE.matcher(tenantCode).matches()) {
      return Optional.of(
          Problem.of(
              ErrorCode.TENANT_MALFORMED,
              "expected a 6-digit tenant code such as 330522, found "
                  + (tenantCode == null ? "nothing" : Texts.quote(tenantCode)),
              "found",
              tenantCode == null ? "" : Texts.cut(tenantCode)));
    }
    return Optional.empty();
  }

  static Optional<Problem> precision(Instant instant) {
    if (instant != null && instant.getNano() % NANOS_PER_MICRO != 0) {
      return Optional.of(
          Problem.of(
              ErrorCode.TIME_TOO_PRECISE,
              "has more than microsecond precision: use at most 6 fractional digits"));
    }
    return Optional.empty();
  }

  /** Not before {@link #EARLIEST}; null passes. */
  static Optional<Problem> notTooEarly(Instant instant) {
    if (instant != null && instant.isBefore(EARLIEST)) {
      return Optional.of(
          Problem.of(
              ErrorCode.TIME_TOO_EARLY,
              "must not be before " + EARLIEST_TEXT + ", found " + instant + " (UTC)",
              "earliest",
              EARLIEST_TEXT,
              "found",
              instant));
    }
    return Optional.empty();
  }

  /**
   * From {@link #EARLIEST} to 366 days after {@code uploadedAt} (a time the platform read from its
   * clock, so the sum cannot overflow); null passes.
   */
  static Optional<Problem> window(Instant instant, Instant uploadedAt) {
    Optional<Problem> early = notTooEarly(instant);
    if (early.isPresent() || instant == null) {
      return early;
    }
    return afterLatest(
        ErrorCode.TIME_TOO_LATE,
        "366 days after the time of upload (" + uploadedAt + ")",
        uploadedAt.plus(AFTER_UPLOAD),
        instant,
        "uploaded",
        uploadedAt);
  }

  /**
   * A given deadline is not before {@code received_at} and at most 5 years after it: the latest is
   * {@code received_at} as a date and time in Asia/Shanghai plus 5 calendar years ({@link
   * java.time.ZonedDateTime#plusYears}; 29 February becomes 28 February). Null values pass.
   */
  static Optional<Problem> deadline(Instant receivedAt, Instant deadline) {
    if (receivedAt == null || deadline == null) {
      return Optional.empty();
    }
    if (deadline.isBefore(receivedAt)) {
      return beforeReceived(ErrorCode.DEADLINE_BEFORE_RECEIVED, "deadline", deadline, receivedAt);
    }
    if (receivedAt.isAfter(LATEST_COMPUTABLE)) {
      return Optional.of(
          Problem.of(
              ErrorCode.DEADLINE_UNCHECKABLE,
              "cannot be checked: received_at " + receivedAt + " is out of range",
              "received",
              receivedAt));
    }
    return afterLatest(
        ErrorCode.DEADLINE_TOO_LATE,
        "5 years after received_at",
        receivedAt.atZone(ChinaTime.ZONE).plusYears(DEADLINE_YEARS).toInstant(),
        deadline);
  }

  /**
   * {@code found} is after {@code latest}, the end of the range {@code range} names; the problem's
   * parameters are {@code context} (names and values), then {@code latest} and {@code found}.
   */
  private static Optional<Problem> afterLatest(
      ErrorCode code, String range, Instant latest, Instant found, Object... context) {
    if (!found.isAfter(latest)) {
      return Optional.empty();
    }
    Object[] params =
        Stream.concat(Arrays.stream(context), Stream.of("latest", latest, "found", found))
            .toArray();
    return Optional.of(
        Problem.of(
            code,
            "must be at most " + range + ", so at most " + latest + ", found " + found + " (UTC)",
            params));
  }

  static Optional<Problem> closedAt(CaseStatus status, Instant receivedAt, Instant closedAt) {
    boolean closed = status == CaseStatus.CLOSED;
    if (closed && closedAt == null) {
      return Optional.of(
          Problem.of(ErrorCode.CLOSED_AT_REQUIRED, "is required when status is closed"));
    }
    if (!closed && closedAt != null) {
      return Optional.of(
          Problem.of(
              ErrorCode.CLOSED_AT_NOT_CLOSED,
              "must be empty unless status is closed (status is " + status.wireName() + ")",
              "status",
              status.wireName()));
    }
    if (closedAt != null && receivedAt != null && closedAt.isBefore(receivedAt)) {
      return beforeReceived(ErrorCode.CLOSED_AT_BEFORE_RECEIVED, "closed", closedAt, receivedAt);
    }
    return Optional.empty();
  }

  /** {@code time}, called {@code name}, comes before {@code received_at}. */
  private static Optional<Problem> beforeReceived(
      ErrorCode code, String name, Instant time, Instant receivedAt) {
    return Optional.of(
        Problem.of(
            code,
            "must not be before received_at: "
                + name
                + " "
                + time
                + " but received "
                + receivedAt
                + " (UTC)",
            name,
            time,
            "received",
            receivedAt));
  }

  static Optional<Problem> reassignedCount(long count) {
    if (count < 0) {
      return Optional.of(
          Problem.of(
              ErrorCode.NUMBER_NOT_WHOLE,
              "expected a whole number ≥ 0, found " + count,
              "found",
              count));
    }
    if (count > MAX_REASSIGNED_COUNT) {
      return Optional.of(
          Problem.of(
              ErrorCode.NUMBER_TOO_LARGE,
              "expected at most " + MAX_REASSIGNED_COUNT + ", found " + count,
              "max",
              MAX_REASSIGNED_COUNT,
              "found",
              count));
    }
    return Optional.empty();
  }

  /** White space at either end of an id: also no-break and ideographic spaces (U+00A0, U+3000). */
  private static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }
}
