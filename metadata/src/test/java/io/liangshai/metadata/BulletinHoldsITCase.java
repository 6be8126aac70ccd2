package io.liangshai.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.metadata.BulletinHolds.Held;
import io.liangshai.metadata.BulletinHolds.Hold;
import io.liangshai.metadata.testing.MetadataExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BulletinHoldsITCase {

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private static final Instant FIRST = Instant.parse("2024-02-06T01:00:00.123456789Z");
  private static final Instant LATER = Instant.parse("2024-02-06T02:00:00Z");
  private static final Instant UNTIL = Instant.parse("2024-02-20T01:00:00Z");

  private final BulletinHolds holds = new BulletinHolds(METADATA.dataSource());

  @Test
  void aHoldBeginsOnceIsRefreshedAtEachCheckAndIsKeptWhenReleased() {
    Held first = holds.hold("monthly", "2024-01", UNTIL, List.of("330521", "330522"), FIRST);
    assertThat(first.began()).isTrue();
    assertThat(first.hold().since()).isEqualTo(Instant.parse("2024-02-06T01:00:00.123456Z"));
    assertThat(first.hold().missing()).containsExactly("330521", "330522");

    Held again = holds.hold("monthly", "2024-01", UNTIL, List.of("330522"), LATER);
    assertThat(again.began()).as("held already").isFalse();
    assertThat(again.hold().since()).as("since the first check").isEqualTo(first.hold().since());
    assertThat(again.hold().checkedAt()).isEqualTo(LATER);
    assertThat(again.hold().missing()).containsExactly("330522");
    holds.hold("monthly", "2024-02", UNTIL.plusSeconds(86_400 * 28), List.of("330100"), LATER);
    assertThat(holds.held("monthly"))
        .extracting(Hold::period)
        .containsExactly("2024-01", "2024-02");
    assertThat(holds.held("quarterly")).isEmpty();

    assertThat(holds.release("monthly", "2024-01", "signed_off", LATER)).isTrue();
    assertThat(holds.release("monthly", "2024-01", "signed_off", LATER)).as("once").isFalse();
    assertThat(holds.release("monthly", "2023-12", "published", LATER)).isFalse();
    assertThat(holds.held("monthly")).extracting(Hold::period).containsExactly("2024-02");
    Hold released = holds.find("monthly", "2024-01").orElseThrow();
    assertThat(released.releasedAt()).contains(LATER);
    assertThat(released.releasedAs()).isEqualTo("signed_off");
    assertThat(holds.find("monthly", "2023-12")).isEmpty();
  }
}
