package io.liangshai.core.record;

import static io.liangshai.core.record.FieldErrors.onlyErrorOn;
import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.testing.CaseRecordFixture;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class CaseRecordValidatorTest {

  private static final Instant RECEIVED = Instant.parse("2024-01-02T01:00:00Z");
  private static final Instant CLOSED = Instant.parse("2024-01-05T08:00:00.123456Z");

  private final CaseRecordValidator validator =
      new CaseRecordValidator(
          code ->
              code.equals("339999") ? Optional.of(TenantScope.unknown(code)) : Optional.empty());

  private Map<String, Object> closedRow() {
    return aCase().receivedAt(RECEIVED).closedAt(CLOSED).row();
  }

  private List<FieldError> errorsOf(Map<String, Object> row) {
    ValidationResult result = validator.validate(row, 7);
    assertThat(result.isValid()).as("row is invalid").isFalse();
    return result.errors();
  }

  @Test
  void acceptsACompleteRow() {
    ValidationResult result = validator.validate(closedRow(), 1);

    assertThat(result.errors()).isEmpty();
    assertThat(result.record()).isEqualTo(aCase().receivedAt(RECEIVED).closedAt(CLOSED).build());
  }

  @Test
  void appliesDefaultsToAbsentOptionalFields() {
    Map<String, Object> row = aCase().row();
    for (String optional :
        List.of(
            "enterprise_name",
            "deadline",
            "closed_at",
            "escalation_level",
            "reassigned_count",
            "leader_instructed",
            "satisfaction",
            "description")) {
      row.remove(optional);
    }

    CaseRecord record = validator.validate(row, 1).record();

    assertThat(record.escalationLevel()).isEqualTo(EscalationLevel.COUNTY);
    assertThat(record.reassignedCount()).isZero();
    assertThat(record.leaderInstructed()).isFalse();
    assertThat(record.satisfaction()).isNull();
    assertThat(record.deadline()).isNull();
    assertThat(record.enterpriseName()).isNull();
    assertThat(record.description()).isNull();
  }

  @Test
  void readsCsvCellsAsTheSameRecordAsJson() {
    Map<String, Object> json = closedRow();
    json.put("leader_instructed", true);
    json.put("reassigned_count", 2);
    json.put("deadline", null);
    Map<String, Object> csv = new HashMap<>();
    json.forEach((field, value) -> csv.put(field, value == null ? "" : value.toString()));
    csv.put("leader_instructed", "是");
    csv.put("received_at", "2024-01-02T09:00:00+08:00");

    assertThat(validator.validate(csv, 1).record()).isEqualTo(validator.validate(json, 1).record());
  }

  @Test
  void readsBooleansWrittenInChinese() {
    Map<String, Object> row = aCase().row();
    row.put("leader_instructed", "否");
    assertThat(validator.validate(row, 1).record().leaderInstructed()).isFalse();
    row.put("leader_instructed", "是");
    assertThat(validator.validate(row, 1).record().leaderInstructed()).isTrue();
    row.put("leader_instructed", "TRUE");
    assertThat(validator.validate(row, 1).record().leaderInstructed()).isTrue();
  }

  @Test
  void rejectsBlankCaseId() {
    FieldError error = onlyErrorOn(validator, "case_id", "  ");

    assertThat(error.message()).contains("1–64 characters");
  }

  @Test
  void rejectsEmptyCaseIdWithoutNamingACase() {
    FieldError error = onlyErrorOn(validator, "case_id", "");

    assertThat(error.caseId()).isNull();
    assertThat(error.message()).contains("is required");
  }

  @Test
  void acceptsCaseIdOf64CharsAndRejects65() {
    assertThat(validator.validate(aCase().caseId("x".repeat(64)).row(), 1).isValid()).isTrue();
    assertThat(onlyErrorOn(validator, "case_id", "x".repeat(65)).message())
        .contains("at most 64 characters, found 65");
  }

  /**
   * A row valid but for one value: one error, on that field, saying what was expected and found.
   */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvFileSource(resources = "/io/liangshai/core/record/bad-values.csv", numLinesToSkip = 1)
  void rejectsABadValueSayingWhatWasExpectedAndFound(String field, String value, String says) {
    assertThat(onlyErrorOn(validator, field, value).message()).contains(says.split("\\|"));
  }

  @Test
  void rejectsTenantTheScopeRejectsWithItsReason() {
    FieldError error = onlyErrorOn(validator, "tenant_code", "339999");
    assertThat(error.code()).isEqualTo(ErrorCode.TENANT_UNKNOWN);
    assertThat(error.params()).containsEntry("tenant", "339999");
    assertThat(error.message()).startsWith("unknown tenant 339999");
  }

  @Test
  void readsTheSameInstantFromAnyOffset() {
    Map<String, Object> utc = aCase().row();
    utc.put("received_at", "2024-01-02T01:00:00.5Z");
    Map<String, Object> beijing = aCase().row();
    beijing.put("received_at", "2024-01-02T09:00:00.500000+08:00");

    assertThat(validator.validate(utc, 1).record())
        .isEqualTo(validator.validate(beijing, 1).record());
  }

  /**
   * A closed row with one change that breaks a rule of closed_at: the one error is on closed_at.
   */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvFileSource(resources = "/io/liangshai/core/record/closed-at-rules.csv", numLinesToSkip = 1)
  void checksClosedAtAgainstStatusAndReceivedAt(String field, String value, String says) {
    Map<String, Object> row = closedRow();
    if (value == null) {
      row.remove(field);
    } else {
      row.put(field, value);
    }

    assertThat(onlyErrorOn(validator, row, "closed_at").message()).contains(says);
  }

  @Test
  void acceptsClosedAtEqualToReceivedAt() {
    Map<String, Object> row = closedRow();
    row.put("closed_at", "2024-01-02T09:00:00+08:00");

    assertThat(validator.validate(row, 1).isValid()).isTrue();
  }

  @Test
  void rejectsNegativeOrFractionalReassignedCount() {
    for (Object bad : List.of(-1, "-1", 1.5, "1.5", "two", true)) {
      FieldError error = onlyErrorOn(validator, "reassigned_count", bad);

      assertThat(error.message()).contains("whole number ≥ 0");
    }
  }

  @Test
  void acceptsReassignedCountAsJsonNumberOrDigits() {
    for (Object good : List.of(3, 3L, 3.0, "3", " 3 ")) {
      Map<String, Object> row = aCase().row();
      row.put("reassigned_count", good);

      assertThat(validator.validate(row, 1).record().reassignedCount()).isEqualTo(3);
    }
  }

  @Test
  void rejectsStringFieldGivenAsNumber() {
    assertThat(onlyErrorOn(validator, "tenant_code", 330522).message())
        .contains("expected a string, found integer 330522");
  }

  @Test
  void reportsEveryMissingRequiredField() {
    List<FieldError> errors = errorsOf(Map.of());

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactlyInAnyOrderElementsOf(CaseRecordFixture.REQUIRED_COLUMNS);
  }

  @Test
  void collectsAllErrorsOfARowWithRowNumberAndCaseId() {
    Map<String, Object> row = closedRow();
    row.put("caseid", "typo");
    row.put("channel", "fax");
    row.put("closed_at", "2024-01-01T00:00:00Z");
    row.put("satisfaction", "meh");

    List<FieldError> errors = errorsOf(row);

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("caseid", "channel", "closed_at", "satisfaction");
    assertThat(errors).allSatisfy(e -> assertThat(e.row()).isEqualTo(7));
    assertThat(errors).allSatisfy(e -> assertThat(e.caseId()).isEqualTo("case-1"));
  }

  @Test
  void keepsEmptyOptionalTextAsAbsent() {
    Map<String, Object> row = aCase().row();
    row.put("enterprise_name", "");
    row.put("description", "");

    CaseRecord record = validator.validate(row, 1).record();

    assertThat(record.enterpriseName()).isNull();
    assertThat(record.description()).isNull();
    assertThat(record).isEqualTo(aCase().enterpriseName(null).description(null).build());
  }

  @Test
  void fixtureRowIsValid() {
    assertThat(
            new CaseRecordValidator(TenantScope.any())
                .validate(CaseRecordFixture.aCase().row(), 1)
                .isValid())
        .isTrue();
  }
}
