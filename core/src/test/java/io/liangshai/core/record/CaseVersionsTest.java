package io.liangshai.core.record;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CaseVersionsTest {

  private static final Instant T0 = Instant.parse("2024-01-02T01:00:00Z");

  private final CaseRecord received = aCase().updatedAt(T0).build();
  private final CaseRecord inProgress =
      aCase().status(CaseStatus.IN_PROGRESS).updatedAt(T0.plusSeconds(60)).build();
  private final CaseRecord closed = aCase().closedAt(T0.plusSeconds(120)).build();

  @Test
  void keepsTheVersionWithTheGreatestUpdatedAtWhateverTheOrder() {
    for (List<CaseRecord> order :
        List.of(
            List.of(received, inProgress, closed),
            List.of(closed, received, inProgress),
            List.of(inProgress, closed, closed, received))) {
      assertThat(CaseVersions.latest(order.stream())).containsOnlyKeys(received.key());
      assertThat(CaseVersions.latest(order.stream()).get(received.key())).isEqualTo(closed);
    }
  }

  @Test
  void breaksTiesOnUpdatedAtByContentHashSoArrivalOrderDoesNotMatter() {
    CaseRecord a = aCase().updatedAt(T0).satisfaction(Satisfaction.SATISFIED).build();
    CaseRecord b = aCase().updatedAt(T0).satisfaction(Satisfaction.DISSATISFIED).build();
    CaseRecord winner = a.contentHash().compareTo(b.contentHash()) > 0 ? a : b;

    assertThat(CaseVersions.newer(a, b)).isEqualTo(winner);
    assertThat(CaseVersions.newer(b, a)).isEqualTo(winner);
  }

  @Test
  void isOlderAgreesWithNewerAndCallsNoRecordOlderThanItself() {
    CaseRecord a = aCase().updatedAt(T0).satisfaction(Satisfaction.SATISFIED).build();
    CaseRecord b = aCase().updatedAt(T0).satisfaction(Satisfaction.DISSATISFIED).build();
    CaseRecord loser = CaseVersions.newer(a, b) == a ? b : a;

    assertThat(CaseVersions.isOlder(loser, CaseVersions.newer(a, b))).isTrue();
    assertThat(CaseVersions.isOlder(CaseVersions.newer(a, b), loser)).isFalse();
    assertThat(CaseVersions.isOlder(received, closed)).isTrue();
    assertThat(CaseVersions.isOlder(closed, received)).isFalse();
    assertThat(CaseVersions.isOlder(closed, closed)).isFalse();
  }

  @Test
  void callsDifferentVersionsWithTheSameUpdatedAtAConflictButNotAReplay() {
    CaseRecord a = aCase().updatedAt(T0).satisfaction(Satisfaction.SATISFIED).build();
    CaseRecord b = aCase().updatedAt(T0).satisfaction(Satisfaction.DISSATISFIED).build();

    assertThat(CaseVersions.isConflict(a, b)).isTrue();
    assertThat(
            CaseVersions.isConflict(
                a, aCase().updatedAt(T0).satisfaction(Satisfaction.SATISFIED).build()))
        .isFalse();
    assertThat(CaseVersions.isConflict(received, inProgress)).isFalse();
  }

  @Test
  void keepsCasesOfDifferentTenantsApart() {
    CaseRecord other = aCase().tenantCode("330500").build();

    assertThat(CaseVersions.latest(Stream.of(received, other))).hasSize(2);
    assertThatThrownBy(() -> CaseVersions.newer(received, other))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
