package io.liangshai.core.record;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.vocabulary.Vocabulary;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each validator error carries its stable code, and its Chinese text fills every placeholder. */
class RowErrorCodesTest {

  private static final Instant UPLOADED = Instant.parse("2024-03-01T00:00:00Z");

  private final CaseRecordValidator validator =
      new CaseRecordValidator(
          code -> code.equals("339999") ? Optional.of(TenantScope.unknown(code)) : Optional.empty(),
          UPLOADED);

  static Stream<Arguments> rows() {
    return Stream.of(
        row(ErrorCode.FIELD_REQUIRED, "channel", r -> r.remove("channel")),
        row(ErrorCode.FIELD_UNKNOWN, "priority", r -> r.put("priority", "high")),
        row(ErrorCode.VALUE_NOT_TEXT, "tenant_code", r -> r.put("tenant_code", 330522)),
        row(ErrorCode.ENUM_UNKNOWN_VALUE, "category", r -> r.put("category", "misc")),
        row(ErrorCode.NUMBER_NOT_WHOLE, "reassigned_count", r -> r.put("reassigned_count", "x")),
        row(ErrorCode.NUMBER_TOO_LARGE, "reassigned_count", r -> r.put("reassigned_count", 1001)),
        row(ErrorCode.BOOL_INVALID, "leader_instructed", r -> r.put("leader_instructed", "可能")),
        row(
            ErrorCode.TEXT_TOO_LONG,
            "enterprise_name",
            r -> r.put("enterprise_name", "企".repeat(201))),
        row(ErrorCode.CASE_ID_SURROUNDING_SPACE, "case_id", r -> r.put("case_id", " A1")),
        row(ErrorCode.TENANT_MALFORMED, "tenant_code", r -> r.put("tenant_code", "33052")),
        row(ErrorCode.TENANT_UNKNOWN, "tenant_code", r -> r.put("tenant_code", "339999")),
        row(ErrorCode.TIME_NOT_ISO, "received_at", r -> r.put("received_at", "yesterday")),
        row(
            ErrorCode.TIME_NO_OFFSET,
            "received_at",
            r -> r.put("received_at", "2024-01-02T09:00:00")),
        row(
            ErrorCode.TIME_TOO_PRECISE,
            "updated_at",
            r -> r.put("updated_at", "2024-01-02T09:00:00.1234567+08:00")),
        row(
            ErrorCode.TIME_TOO_EARLY,
            "updated_at",
            r -> r.put("updated_at", "1999-12-31T00:00:00Z")),
        row(
            ErrorCode.TIME_TOO_LATE,
            "updated_at",
            r -> r.put("updated_at", "2030-01-01T00:00:00Z")),
        row(
            ErrorCode.DEADLINE_BEFORE_RECEIVED,
            "deadline",
            r -> r.put("deadline", "2023-01-01T00:00:00Z")),
        row(
            ErrorCode.DEADLINE_TOO_LATE,
            "deadline",
            r -> r.put("deadline", "2030-01-01T00:00:00Z")),
        row(ErrorCode.CLOSED_AT_REQUIRED, "closed_at", r -> r.put("status", "closed")),
        row(
            ErrorCode.CLOSED_AT_NOT_CLOSED,
            "closed_at",
            r -> r.put("closed_at", "2024-01-03T00:00:00Z")),
        row(
            ErrorCode.CLOSED_AT_BEFORE_RECEIVED,
            "closed_at",
            r -> {
              r.put("status", "closed");
              r.put("closed_at", "2024-01-01T00:00:00Z");
            }),
        row(ErrorCode.USCC_LENGTH, "enterprise_uscc", r -> r.put("enterprise_uscc", "9135")),
        row(
            ErrorCode.USCC_CHARACTER,
            "enterprise_uscc",
            r -> r.put("enterprise_uscc", "91350100I000100Y43")),
        row(
            ErrorCode.USCC_CHECK_CHARACTER,
            "enterprise_uscc",
            r -> r.put("enterprise_uscc", "91350100M000100Y44")));
  }

  private static Arguments row(ErrorCode code, String field, Consumer<Map<String, Object>> change) {
    return Arguments.of(code, field, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void errorCarriesItsCodeAndFillsItsChineseTemplate(
      ErrorCode code, String field, Consumer<Map<String, Object>> change) {
    Map<String, Object> row = aCase().receivedAt(Instant.parse("2024-01-02T01:00:00Z")).row();
    change.accept(row);

    ValidationResult result = validator.validate(row, 3);

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.row()).isEqualTo(3);
              String chinese = Vocabulary.text(e);
              assertThat(chinese).doesNotContainPattern("\\{[a-z_]+}");
              e.params().values().forEach(v -> assertThat(chinese).contains(v));
            });
  }
}
