package io.liangshai.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.reports.snapshot.Figures;
import io.liangshai.reports.snapshot.TableRow;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayTest {

  private static final Figures NONE =
      new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null);

  private static TableRow row(Integer rank, Integer previous, Map<String, String> signals) {
    Integer change = rank == null || previous == null ? null : previous - rank;
    return new TableRow(
        "330522",
        "长兴县",
        rank,
        previous,
        change,
        rank == null ? null : new BigDecimal("87.5"),
        rank == null ? "received 12 < minimum 20" : null,
        NONE,
        signals,
        Map.of());
  }

  @Test
  void showsRankChangesWithArrows() {
    assertThat(Display.change(row(3, 5, Map.of()))).isEqualTo("↑2");
    assertThat(Display.change(row(5, 3, Map.of()))).isEqualTo("↓2");
    assertThat(Display.change(row(4, 4, Map.of()))).isEqualTo("—");
    assertThat(Display.change(row(4, null, Map.of()))).isEqualTo("新");
    assertThat(Display.change(row(null, 4, Map.of()))).isEmpty();
    assertThat(Display.styledChange(row(3, 5, Map.of()))).contains("#C00000").contains("↑2");
  }

  @Test
  void showsRatesScoresAndSignals() {
    assertThat(Display.rate(0.95237)).isEqualTo("95.2%");
    assertThat(Display.rate(null)).isEqualTo("—");
    assertThat(Display.score(new BigDecimal("87.5"))).isEqualTo("87.50");
    Map<String, String> signals = new LinkedHashMap<>();
    signals.put("resolution_rate", "above");
    signals.put("overdue_rate", "within");
    signals.put("recurrence_rate", "alarm");
    signals.put("satisfaction_rate", "below");
    assertThat(Display.signals(row(1, null, signals), false)).isEqualTo("办结优 重发报 满意警");
    assertThat(Display.signals(row(null, null, Map.of()), false)).isEqualTo("受理不足20件，不排名");
  }
}
