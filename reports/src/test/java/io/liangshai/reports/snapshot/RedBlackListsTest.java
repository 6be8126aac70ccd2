package io.liangshai.reports.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.ranking.FunnelSignal;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.RateDetail;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedBlackListsTest {

  @Test
  void drawsThreeBelowThirtyRankedFiveFromThirtyAndNeverMoreThanHalf() {
    assertThat(RedBlackLists.size(11)).isEqualTo(3);
    assertThat(RedBlackLists.size(29)).isEqualTo(3);
    assertThat(RedBlackLists.size(30)).isEqualTo(5);
    assertThat(RedBlackLists.size(4)).isEqualTo(2);
    assertThat(RedBlackLists.size(1)).isZero();
  }

  @Test
  void theTopNeedsAnAboveAndNoWorseSignal() {
    List<LeagueRow> rows = new ArrayList<>();
    rows.add(row("A", 1, Map.of(Indicator.RESOLUTION_RATE, FunnelSignal.ABOVE)));
    rows.add(
        row(
            "B",
            2,
            Map.of(
                Indicator.RESOLUTION_RATE, FunnelSignal.ABOVE,
                Indicator.OVERDUE_RATE, FunnelSignal.BELOW)));
    rows.add(row("C", 3, Map.of())); // all within: not listed
    for (int r = 4; r <= 8; r++) {
      rows.add(row("M" + r, r, Map.of(Indicator.SATISFACTION_RATE, FunnelSignal.ABOVE)));
    }
    rows.add(row("X", 9, Map.of())); // bottom, no signal: not listed
    rows.add(row("Y", 10, Map.of(Indicator.RECURRENCE_RATE, FunnelSignal.ALARM)));
    rows.add(row("Z", 11, Map.of(Indicator.SATISFACTION_RATE, FunnelSignal.BELOW)));

    RedBlackLists lists = RedBlackLists.of(rows);

    assertThat(lists.size()).isEqualTo(3);
    assertThat(lists.red()).extracting(LeagueRow::tenant).containsExactly("A");
    assertThat(lists.black()).extracting(LeagueRow::tenant).containsExactly("Z", "Y");
    assertThat(RedBlackLists.evidence(rows.get(1), FunnelSignal.BELOW))
        .containsExactly("overdue_rate:below");
  }

  @Test
  void sharedRanksAtTheEdgeAreAllIn() {
    List<LeagueRow> rows = new ArrayList<>();
    Map<Indicator, FunnelSignal> above = Map.of(Indicator.RESOLUTION_RATE, FunnelSignal.ABOVE);
    rows.add(row("A", 1, above));
    rows.add(row("B", 2, above));
    rows.add(row("C", 3, above));
    rows.add(row("D", 3, above));
    for (int r = 5; r <= 10; r++) {
      rows.add(row("M" + r, r, Map.of()));
    }
    assertThat(RedBlackLists.of(rows).red())
        .extracting(LeagueRow::tenant)
        .containsExactly("A", "B", "C", "D");
  }

  private static LeagueRow row(String tenant, int rank, Map<Indicator, FunnelSignal> signals) {
    Map<Indicator, RateDetail> rates = new EnumMap<>(Indicator.class);
    for (Indicator rate : RedBlackLists.RATES) {
      rates.put(
          rate,
          new RateDetail(
              rate, 1, 2, 0.5, null, signals.getOrDefault(rate, FunnelSignal.WITHIN), 0.5));
    }
    return new LeagueRow(
        tenant,
        new Indicators(IndicatorCounts.ZERO, 0),
        true,
        null,
        Map.of(),
        BigDecimal.valueOf(100 - rank),
        rank,
        null,
        null,
        rates,
        null,
        null,
        Map.of(),
        Map.of());
  }
}
