package io.liangshai.metadata;

import static io.liangshai.metadata.MetadataFixture.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.metadata.PostgresSignoffs.Signoff;
import io.liangshai.metadata.testing.MetadataExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSignoffsITCase {

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private final PostgresSignoffs signoffs = new PostgresSignoffs(METADATA.dataSource(), CLOCK);

  private static final IndicatorCounts FIRST = new IndicatorCounts(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
  private static final IndicatorCounts SECOND = new IndicatorCounts(11, 9, 8, 7, 6, 5, 4, 3, 2, 1);

  @Test
  void theNewestSigningNotWithdrawnIsTheMonthsSignoffAndKeepsItsCounts() {
    Signoff first = signoffs.sign("330522", "2024-01", "330522", "k1", FIRST);
    Signoff second = signoffs.sign("330522", "2024-01", "330500", "k2", SECOND);
    signoffs.sign("330521", "2024-02", "330521", "k3", FIRST);

    assertThat(signoffs.current("2024-01"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo(second.id());
              assertThat(s.counts()).isEqualTo(SECOND);
              assertThat(s.signedByTenant()).isEqualTo("330500");
              assertThat(s.firstSignedAt()).isEqualTo(first.signedAt());
            });

    assertThat(signoffs.withdraw(second.id(), "k2")).isTrue();
    assertThat(signoffs.withdraw(second.id(), "k2")).as("once only").isFalse();
    assertThat(signoffs.current("2024-01")).extracting(Signoff::id).containsExactly(first.id());
    assertThat(signoffs.find(second.id()).orElseThrow().withdrawnAt()).isPresent();
    assertThat(signoffs.find(first.id()).orElseThrow().counts()).isEqualTo(FIRST);
    assertThat(signoffs.find(999_999)).isEmpty();
  }
}
