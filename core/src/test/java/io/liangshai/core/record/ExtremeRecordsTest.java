package io.liangshai.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.CaseFacts;
import io.liangshai.core.testing.CaseRecordFixture;
import io.liangshai.core.time.Deadlines;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.core.time.WorkingDayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records at the edges of every bound of SPEC §2 — accepted by the validator — go through every
 * computation of the job without an exception: the codec's round trip, the derived deadline, the
 * periods of each kind and the indicator facts.
 */
class ExtremeRecordsTest {

  private static final Instant UPLOAD = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private static final Instant EARLIEST =
      OffsetDateTime.parse("2000-01-01T00:00:00+08:00").toInstant();
  private static final Instant LATEST = UPLOAD.plus(Duration.ofDays(366));

  private final CaseRecordValidator validator = new CaseRecordValidator(TenantScope.any(), UPLOAD);

  @Test
  void extremeButValidRecordsGoThroughEveryComputationOfTheJob() {
    List<CaseRecord> records = extremeRecords();
    assertThat(records).hasSizeGreaterThan(5);
    for (CaseRecord record : records) {
      assertThat(CaseRecordCodec.fromJson(CaseRecordCodec.toJson(record))).isEqualTo(record);
      Instant derived = Deadlines.derive(record.receivedAt());
      assertThat(derived).isAfter(record.receivedAt());
      Instant effective =
          Deadlines.effective(record.deadline(), record.receivedAt(), WorkingDayCalendar.china());
      for (PeriodKind kind : PeriodKind.values()) {
        for (Instant t : instantsOf(record, derived)) {
          assertThat(Period.of(kind, t).toString()).isNotBlank();
        }
      }
      for (boolean recurrence : List.of(true, false)) {
        assertThat(CaseFacts.of(record, recurrence, effective).key()).isEqualTo(record.key());
      }
    }
  }

  private List<CaseRecord> extremeRecords() {
    List<CaseRecord> records = new ArrayList<>();
    for (Instant received : List.of(EARLIEST, LATEST, Instant.parse("2024-02-29T15:59:59Z"))) {
      for (String deadline : new String[] {null, "same", "five years"}) {
        Map<String, Object> row =
            CaseRecordFixture.aCase()
                .caseId("𠀀".repeat(64))
                .enterpriseName("名".repeat(200))
                .description("𠀀".repeat(4_000))
                .reassignedCount(1_000)
                .receivedAt(received)
                .closedAt(received)
                .row();
        if ("same".equals(deadline)) {
          row.put("deadline", received.toString());
        } else if ("five years".equals(deadline)) {
          row.put(
              "deadline",
              received
                  .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                  .plusYears(5)
                  .toInstant()
                  .toString());
        }
        ValidationResult result = validator.validate(row, 1);
        assertThat(result.errors()).as(received + " / " + deadline).isEmpty();
        records.add(result.record());
      }
    }
    return records;
  }

  private static List<Instant> instantsOf(CaseRecord record, Instant derived) {
    List<Instant> instants =
        new ArrayList<>(List.of(record.receivedAt(), record.updatedAt(), derived));
    if (record.deadline() != null) {
      instants.add(record.deadline());
    }
    if (record.closedAt() != null) {
      instants.add(record.closedAt());
    }
    return instants;
  }
}
