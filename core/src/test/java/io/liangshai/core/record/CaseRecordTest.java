package io.liangshai.core.record;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseRecordTest {

  private static final Instant RECEIVED = Instant.parse("2024-01-02T01:00:00Z");

  @Test
  void rejectsClosedAtBeforeReceivedAtNamingTheField() {
    assertThatThrownBy(
            () -> aCase().receivedAt(RECEIVED).closedAt(RECEIVED.minusSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("closed_at must not be before received_at");
  }

  @Test
  void rejectsClosedStatusWithoutClosedAt() {
    assertThatThrownBy(() -> aCase().status(CaseStatus.CLOSED).build())
        .hasMessageStartingWith("closed_at is required");
  }

  @Test
  void rejectsInvalidUsccNamingTheField() {
    assertThatThrownBy(() -> aCase().uscc("91350100M000100Y44").build())
        .hasMessageStartingWith("enterprise_uscc check character");
  }

  @Test
  void rejectsInstantsFinerThanMicroseconds() {
    assertThatThrownBy(() -> aCase().updatedAt(RECEIVED).receivedAt(RECEIVED.plusNanos(1)).build())
        .hasMessageStartingWith("received_at has more than microsecond precision");
  }

  @Test
  void rejectsMissingRequiredValueNamingIt() {
    assertThatThrownBy(() -> aCase().category(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("category is required");
  }

  @Test
  void treatsEmptyOptionalTextAsAbsent() {
    assertThat(aCase().enterpriseName("").build()).isEqualTo(aCase().enterpriseName(null).build());
  }

  @Test
  void isIdentifiedByTenantAndCaseId() {
    assertThat(aCase().caseId("A-1").tenantCode("330500").build().key())
        .isEqualTo(new CaseKey("330500", "A-1"));
  }
}
