package io.liangshai.core.record;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.RecurrenceGroup;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The string forms of the keys are stored (job state, ingest's index): they must not change. */
class CaseKeysTest {

  private static final Instant UPDATED = Instant.parse("2024-03-04T02:00:00.000123Z");

  @Test
  void aCaseKeyIsTenantBarCaseId() {
    assertThat(new CaseKey("330522", "C-1|x").asString()).isEqualTo("330522|C-1|x");
  }

  @Test
  void aVersionKeyAddsUpdatedAtInMicrosecondsBetweenUnitSeparators() {
    CaseRecord r = aCase().tenantCode("330522").caseId("C-1").updatedAt(UPDATED).build();

    assertThat(CaseVersionKey.of(r).asString())
        .isEqualTo("330522\u001fC-1\u001f" + (UPDATED.getEpochSecond() * 1_000_000 + 123));
    assertThat(CaseVersionKey.of(r)).isEqualTo(new CaseVersionKey(r.key(), UPDATED));
  }

  @Test
  void aRecurrenceGroupKeyNamesTenantEnterpriseAndCategory() {
    CaseRecord r = aCase().tenantCode("330522").category(Category.FINANCE).build();

    assertThat(RecurrenceGroup.of(r).asString())
        .isEqualTo("330522|" + r.enterpriseUscc() + "|finance");
  }
}
