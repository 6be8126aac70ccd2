package io.liangshai.core.record;

import static io.liangshai.core.record.FieldErrors.onlyError;
import static io.liangshai.core.record.FieldErrors.onlyErrorOn;
import static io.liangshai.core.record.FieldErrors.withField;
import static io.liangshai.core.testing.CaseRecordFixture.RECEIVED_AT;
import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounds of SPEC §2, each on both sides of its boundary. */
class CaseRecordBoundsTest {

  /** The time of upload of the batch these rows come in. */
  private static final Instant UPLOAD = Instant.parse("2024-06-01T04:00:00Z");

  private static final Instant LATEST = UPLOAD.plus(Duration.ofDays(366));
  private static final String SUPPLEMENTARY = "𠀀"; // U+20000: one code point, two chars

  private final CaseRecordValidator validator = new CaseRecordValidator(TenantScope.any(), UPLOAD);

  private boolean valid(Map<String, Object> row) {
    ValidationResult result = validator.validate(row, 1);
    assertThat(result.errors()).as("errors of a row meant to be valid").isEmpty();
    return result.isValid();
  }

  @Test
  void countsDescriptionInCodePointsAcceptingFourThousandAndRejectingOneMore() {
    String limit = SUPPLEMENTARY.repeat(3_999) + "a";
    assertThat(limit.length()).isEqualTo(7_999);

    assertThat(valid(withField("description", limit))).isTrue();
    FieldError error = onlyErrorOn(validator, "description", limit + SUPPLEMENTARY);

    assertThat(error.message()).contains("at most 4000 characters, found 4001");
  }

  @Test
  void acceptsEnterpriseNameOf200AndRejects201() {
    assertThat(valid(withField("enterprise_name", "企".repeat(200)))).isTrue();
    FieldError error = onlyErrorOn(validator, "enterprise_name", "企".repeat(201));

    assertThat(error.message()).contains("at most 200 characters, found 201");
  }

  @Test
  void rejectsCaseIdWithSurroundingWhiteSpaceInsteadOfTrimmingIt() {
    for (String id : List.of(" a", "a ", "a\t", "\ta", "a\n", "\u3000a", "a\u00a0")) {
      FieldError error = onlyError(validator, withField("case_id", id));

      assertThat(error.field()).as(id).isEqualTo("case_id");
      assertThat(error.message()).as(id).contains("must not begin or end with white space");
      assertThat(error.caseId()).as("the id as sent").isEqualTo(id);
    }
    assertThat(valid(withField("case_id", "a b"))).isTrue();
    assertThat(valid(withField("case_id", "a"))).isTrue();
  }

  @Test
  void countsCaseIdInCodePoints() {
    assertThat(valid(withField("case_id", SUPPLEMENTARY.repeat(64)))).isTrue();
    assertThat(onlyError(validator, withField("case_id", SUPPLEMENTARY.repeat(65))).message())
        .contains("at most 64 characters, found 65");
  }

  @Test
  void acceptsTimestampsFrom2000AndRejectsTheMicrosecondBefore() {
    for (String field : List.of("received_at", "updated_at", "closed_at")) {
      Map<String, Object> row = earliestClosedRow();
      assertThat(valid(row)).as(field).isTrue();
      row.put(field, "1999-12-31T23:59:59.999999+08:00");
      List<FieldError> errors = validator.validate(row, 1).errors();

      assertThat(errors).as(field).isNotEmpty();
      assertThat(errors.get(0).field()).isEqualTo(field);
      assertThat(errors.get(0).message()).contains("must not be before 2000-01-01T00:00:00+08:00");
    }
  }

  @Test
  void acceptsTimestamps366DaysAfterTheUploadAndRejectsOneMicrosecondMore() {
    Map<String, Object> row = latestClosedRow(LATEST);
    assertThat(valid(row)).isTrue();
    for (String field : List.of("received_at", "updated_at", "closed_at")) {
      Map<String, Object> late = latestClosedRow(LATEST);
      late.put(field, LATEST.plusNanos(1_000).toString());

      assertThat(onlyErrorOn(validator, late, field).message())
          .contains("at most 366 days after the time of upload")
          .contains(LATEST.toString());
    }
  }

  @Test
  void rejectsDeadlineBeforeReceivedAtAndAcceptsItEqual() {
    Instant received = RECEIVED_AT;
    assertThat(valid(withField("deadline", received.toString()))).isTrue();

    FieldError error = onlyErrorOn(validator, "deadline", received.minusNanos(1_000).toString());

    assertThat(error.message()).contains("must not be before received_at");
  }

  @Test
  void acceptsDeadlineFiveCalendarYearsAfterReceivedAtInBeijingTimeAndNotOneMicrosecondMore() {
    Map<String, Object> row = aCase().row();
    row.put("received_at", "2024-02-29T10:00:00+08:00");
    row.put("updated_at", "2024-02-29T10:00:00+08:00");
    row.put("deadline", "2029-02-28T10:00:00+08:00");
    assertThat(valid(row)).isTrue();

    row.put("deadline", "2029-02-28T10:00:00.000001+08:00");
    assertThat(onlyErrorOn(validator, row, "deadline").message())
        .contains("at most 5 years after received_at");
  }

  @Test
  void answersTimestampsAtTheEndsOfTimeWithOneRowErrorEach() {
    for (String extreme :
        List.of(
            "+999999999-12-31T12:00:00+08:00",
            "+999999999-12-31T23:59:59.999999-18:00",
            "-999999999-01-01T00:00:00+18:00")) {
      for (String field : List.of("received_at", "updated_at", "closed_at", "deadline")) {
        Map<String, Object> row = field.equals("closed_at") ? closedRow() : aCase().row();
        row.put(field, extreme);

        FieldError error = onlyError(validator, row);

        assertThat(error.field()).as(field + " = " + extreme).isEqualTo(field);
      }
    }
  }

  @Test
  void acceptsReassignedCountOf1000AndRejects1001() {
    assertThat(valid(withField("reassigned_count", 1_000))).isTrue();
    assertThat(valid(withField("reassigned_count", "1000"))).isTrue();
    for (Object tooMany :
        List.of(1_001, "1001", "999999999999", 1e20, new BigInteger("9".repeat(90)))) {
      FieldError error = onlyErrorOn(validator, "reassigned_count", tooMany);

      assertThat(error.message()).as(tooMany.toString()).contains("at most 1000");
    }
  }

  @Test
  void neverThrowsWhateverAFieldHolds() {
    List<Object> hostile =
        List.of(
            "",
            " ",
            "x".repeat(100_000),
            SUPPLEMENTARY.repeat(5_000),
            "+999999999-12-31T12:00:00+08:00",
            "2024-02-30T00:00:00+08:00",
            "\uD800",
            -1,
            Long.MAX_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            -1e300,
            new BigInteger("-" + "9".repeat(99)),
            true,
            Map.of("a", 1),
            List.of(1, 2));
    for (CaseField field : CaseField.values()) {
      for (Object value : hostile) {
        Map<String, Object> row = closedRow();
        row.put(field.wireName(), value);

        ValidationResult result = validator.validate(row, 1);

        result.errors().forEach(e -> assertThat(e.message()).hasSizeLessThan(1_000));
      }
    }
    Map<String, Object> nullName = new java.util.HashMap<>(aCase().row());
    nullName.put(null, "x");
    assertThat(validator.validate(nullName, 1).isValid()).isFalse();
  }

  @Test
  void echoesAHugeValueCutShort() {
    String huge = "2024-01-02T09:00:00+08:00" + "9".repeat(1_000_000);

    FieldError error = onlyError(validator, withField("received_at", huge));

    assertThat(error.message()).hasSizeLessThan(300).contains("1000025 characters");
  }

  @Test
  void theJobReadsEveryRecordTheIntakeAcceptedAtTheLatestBound() {
    Instant uploaded = Instant.now().minusSeconds(1);
    Instant latest =
        uploaded.plus(Duration.ofDays(366)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    CaseRecord accepted =
        new CaseRecordValidator(TenantScope.any(), uploaded)
            .validate(latestClosedRow(latest), 1)
            .record();

    assertThat(CaseRecordCodec.fromJson(CaseRecordCodec.toJson(accepted))).isEqualTo(accepted);
  }

  @Test
  void constructorRefusesWhatTheValidatorRefuses() {
    assertThatThrownBy(() -> aCase().caseId(" a").build()).hasMessageContaining("case_id");
    assertThatThrownBy(() -> aCase().description("d".repeat(4_001)).build())
        .hasMessageContaining("description");
    assertThatThrownBy(() -> aCase().enterpriseName("e".repeat(201)).build())
        .hasMessageContaining("enterprise_name");
    assertThatThrownBy(() -> aCase().reassignedCount(1_001).build())
        .hasMessageContaining("reassigned_count");
    assertThatThrownBy(
            () ->
                aCase()
                    .updatedAt(RECEIVED_AT)
                    .receivedAt(OffsetDateTime.parse("1999-12-31T23:59:59+08:00").toInstant())
                    .build())
        .hasMessageContaining("received_at");
    Instant received = RECEIVED_AT;
    assertThatThrownBy(() -> aCase().deadline(received.minusNanos(1_000)).build())
        .hasMessageContaining("deadline");
    assertThatThrownBy(() -> aCase().deadline(received.plus(Duration.ofDays(5 * 366))).build())
        .hasMessageContaining("deadline");
  }

  private static Map<String, Object> closedRow() {
    return aCase().receivedAt(RECEIVED_AT).closedAt(RECEIVED_AT.plusSeconds(3_600)).row();
  }

  private static Map<String, Object> earliestClosedRow() {
    Map<String, Object> row = closedRow();
    for (String field : List.of("received_at", "updated_at", "closed_at")) {
      row.put(field, "2000-01-01T00:00:00+08:00");
    }
    return row;
  }

  private static Map<String, Object> latestClosedRow(Instant latest) {
    Map<String, Object> row = closedRow();
    for (String field : List.of("received_at", "updated_at", "closed_at")) {
      row.put(field, latest.toString());
    }
    return row;
  }
}
