package io.liangshai.core.record;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseRecordCodecTest {

  private static final Instant RECEIVED = Instant.parse("2024-01-21T13:12:04.009958Z");
  private static final Instant CLOSED = Instant.parse("2024-01-23T13:37:04.000001Z");

  private final CaseRecordValidator validator = new CaseRecordValidator(TenantScope.any());

  @Test
  void writesEveryFieldInCanonicalOrderOnOneLine() {
    CaseRecord record =
        aCase()
            .receivedAt(RECEIVED)
            .closedAt(CLOSED)
            .satisfaction(Satisfaction.BASICALLY_SATISFIED)
            .build();

    String json = CaseRecordCodec.toJson(record);

    assertThat(json)
        .isEqualTo(
            "{\"case_id\":\"case-1\",\"tenant_code\":\"330522\","
                + "\"updated_at\":\"2024-01-23T13:37:04.000001Z\","
                + "\"enterprise_uscc\":\"91350100M000100Y43\","
                + "\"enterprise_name\":\"湖州示例科技有限公司\",\"channel\":\"hotline_12345\","
                + "\"category\":\"general\",\"received_at\":\"2024-01-21T13:12:04.009958Z\","
                + "\"deadline\":null,\"status\":\"closed\","
                + "\"closed_at\":\"2024-01-23T13:37:04.000001Z\",\"escalation_level\":\"county\","
                + "\"reassigned_count\":0,\"leader_instructed\":false,"
                + "\"satisfaction\":\"basically_satisfied\","
                + "\"description\":\"企业反映用地审批进度慢\"}");
  }

  @Test
  void writesWholeSecondsWithSixFractionalDigits() {
    CaseRecord record = aCase().receivedAt(Instant.parse("2024-01-02T01:00:00Z")).build();

    assertThat(CaseRecordCodec.toJson(record))
        .contains("\"received_at\":\"2024-01-02T01:00:00.000000Z\"");
  }

  @Test
  void serializesTheSameRecordSentWithDifferentOffsetsByteIdentically() {
    Map<String, Object> utc = aCase().row();
    utc.put("received_at", "2024-01-21T13:12:04.009958+00:00");
    utc.put("deadline", "2024-01-28T21:12:04.009958+08:00");
    Map<String, Object> beijing = aCase().row();
    beijing.put("received_at", "2024-01-21T21:12:04.009958+08:00");
    beijing.put("deadline", "2024-01-28T13:12:04.009958Z");
    beijing.put("reassigned_count", "0");
    beijing.put("leader_instructed", "否");

    CaseRecord a = validator.validate(utc, 1).record();
    CaseRecord b = validator.validate(beijing, 1).record();

    assertThat(CaseRecordCodec.toJson(a)).isEqualTo(CaseRecordCodec.toJson(b));
    assertThat(a.contentHash()).isEqualTo(b.contentHash());
  }

  @Test
  void readsBackWhatItWrote() {
    CaseRecord record =
        aCase()
            .receivedAt(RECEIVED)
            .deadline(Instant.parse("2024-02-01T15:59:59Z"))
            .closedAt(CLOSED)
            .escalationLevel(EscalationLevel.PROVINCE)
            .reassignedCount(2)
            .leaderInstructed(true)
            .satisfaction(Satisfaction.VERY_DISSATISFIED)
            .build();

    assertThat(CaseRecordCodec.fromJson(CaseRecordCodec.toJson(record))).isEqualTo(record);
  }

  @Test
  void keepsOnlyTheGivenDeadline() {
    CaseRecord record = aCase().deadline(null).build();

    assertThat(CaseRecordCodec.toJson(record)).contains("\"deadline\":null");
  }

  @Test
  void hashesToSha256Hex() {
    CaseRecord record = aCase().build();

    assertThat(record.contentHash()).matches("[0-9a-f]{64}");
    assertThat(aCase().satisfaction(Satisfaction.SATISFIED).build().contentHash())
        .isNotEqualTo(record.contentHash());
  }

  /** Each text, and what the refusal of it says. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"[1,2] | not a JSON object", "{\"case_id\":\"x\"} | tenant_code"})
  void refusesTextThatIsNotARecord(String text, String refusalSays) {
    assertThatThrownBy(() -> CaseRecordCodec.fromJson(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(refusalSays);
  }
}
