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
        put(ErrorCode.FIELD_UNKNOWN, "priority", "high"),
        put(ErrorCode.VALUE_NOT_TEXT, "tenant_code", 330522),
        put(ErrorCode.ENUM_UNKNOWN_VALUE, "category", "misc"),
        put(ErrorCode.NUMBER_NOT_WHOLE, "reassigned_count", "x"),
        put(ErrorCode.NUMBER_TOO_LARGE, "reassigned_count", 1001),
        put(ErrorCode.BOOL_INVALID, "leader_instructed", "可能"),
        put(ErrorCode.TEXT_TOO_LONG, "enterprise_name", "企".repeat(201)),
        put(ErrorCode.CASE_ID_SURROUNDING_SPACE, "case_id", " A1"),
        put(ErrorCode.TENANT_MALFORMED, "tenant_code", "33052"),
        put(ErrorCode.TENANT_UNKNOWN, "tenant_code", "339999"),
        put(ErrorCode.TIME_NOT_ISO, "received_at", "yesterday"),
        put(ErrorCode.TIME_NO_OFFSET, "received_at", "2024-01-02T09:00:00"),
        put(ErrorCode.TIME_TOO_PRECISE, "updated_at", "2024-01-02T09:00:00.1234567+08:00"),
        put(ErrorCode.TIME_TOO_EARLY, "updated_at", "1999-12-31T00:00:00Z"),
        put(ErrorCode.TIME_TOO_LATE, "updated_at", "2030-01-01T00:00:00Z"),
        put(ErrorCode.DEADLINE_BEFORE_RECEIVED, "deadline", "2023-01-01T00:00:00Z"),
        put(ErrorCode.DEADLINE_TOO_LATE, "deadline", "2030-01-01T00:00:00Z"),
        row(ErrorCode.CLOSED_AT_REQUIRED, "closed_at", r -> r.put("status", "closed")),
        put(ErrorCode.CLOSED_AT_NOT_CLOSED, "closed_at", "2024-01-03T00:00:00Z"),
        row(
            ErrorCode.CLOSED_AT_BEFORE_RECEIVED,
            "closed_at",
            r -> {
              r.put("status", "closed");
              r.put("closed_at", "2024-01-01T00:00:00Z");
            }),
        put(ErrorCode.USCC_LENGTH, "enterprise_uscc", "9135"),
        put(ErrorCode.USCC_CHARACTER, "enterprise_uscc", "91350100I000100Y43"),
        put(ErrorCode.USCC_CHECK_CHARACTER, "enterprise_uscc", "91350100M000100Y44"));
  }

  private static Arguments row(ErrorCode code, String field, Consumer<Map<String, Object>> change) {
    return Arguments.of(code, field, change);
  }

  /** A row whose {@code field} is set to {@code value}, refused on that field with {@code code}. */
  private static Arguments put(ErrorCode code, String field, Object value) {
    return row(code, field, r -> r.put(field, value));
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
