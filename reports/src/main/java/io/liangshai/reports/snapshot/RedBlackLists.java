package io.liangshai.reports.snapshot;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.ranking.FunnelSignal;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.RateDetail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The red and black lists (红榜/黑榜) of one league table, drawn only where the funnel plot (SPEC §4.5)
 * says the difference is real, not noise:
 *
 * <ul>
 *   <li>N is 3 when fewer than 30 members are ranked, else 5, and never more than half of them;
 *   <li>红榜: ranked in the top N (rank ≤ N), no rate on the worse side ({@code below} or {@code
 *       alarm}), and at least one rate {@code above};
 *   <li>黑榜: ranked in the bottom N (rank &gt; ranked − N) and at least one rate {@code below} or
 *       {@code alarm}.
 * </ul>
 *
 * A tenant near the top or bottom whose rates are all {@code within} the funnel is on neither list.
 * The four rates of SPEC §3 are judged, each in the scheme's direction. See docs/methodology.md.
 */
public final class RedBlackLists {

  /** The four rates whose signals are judged. */
  public static final List<Indicator> RATES =
      List.of(
          Indicator.RESOLUTION_RATE,
          Indicator.OVERDUE_RATE,
          Indicator.RECURRENCE_RATE,
          Indicator.SATISFACTION_RATE);

  /** Groups with fewer ranked members than this draw 3, others 5. */
  public static final int LARGE_GROUP = 30;

  private final int size;
  private final List<LeagueRow> red;
  private final List<LeagueRow> black;

  private RedBlackLists(int size, List<LeagueRow> red, List<LeagueRow> black) {
    this.size = size;
    this.red = List.copyOf(red);
    this.black = List.copyOf(black);
  }

  /** The lists of a table's rows (ranked and unranked, any order). */
  public static RedBlackLists of(List<LeagueRow> rows) {
    List<LeagueRow> ranked =
        rows.stream()
            .filter(r -> r.rank() != null)
            .sorted(Comparator.comparing(LeagueRow::rank).thenComparing(LeagueRow::tenant))
            .toList();
    int n = size(ranked.size());
    List<LeagueRow> red = new ArrayList<>();
    List<LeagueRow> black = new ArrayList<>();
    for (LeagueRow row : ranked) {
      if (row.rank() <= n && !anyWorse(row) && !evidence(row, FunnelSignal.ABOVE).isEmpty()) {
        red.add(row);
      }
      if (row.rank() > ranked.size() - n && anyWorse(row)) {
        black.add(0, row); // worst first
      }
    }
    return new RedBlackLists(n, red, black);
  }

  /** N for a group with {@code ranked} ranked members. */
  public static int size(int ranked) {
    int n = ranked < LARGE_GROUP ? 3 : 5;
    return Math.min(n, ranked / 2);
  }

  /** The rates of {@code row} whose signal is {@code signal}, as {@code rate:signal}. */
  public static List<String> evidence(LeagueRow row, FunnelSignal... signals) {
    List<String> found = new ArrayList<>();
    for (Indicator rate : RATES) {
      RateDetail detail = row.rates().get(rate);
      FunnelSignal signal = detail == null ? null : detail.funnel();
      for (FunnelSignal wanted : signals) {
        if (signal == wanted) {
          found.add(rate.wireName() + ":" + signal.wireName());
        }
      }
    }
    return found;
  }

  private static boolean anyWorse(LeagueRow row) {
    return !evidence(row, FunnelSignal.BELOW, FunnelSignal.ALARM).isEmpty();
  }

  /** N: the top and bottom N ranks the lists draw from. */
  public int size() {
    return size;
  }

  /** 红榜, best first. */
  public List<LeagueRow> red() {
    return red;
  }

  /** 黑榜, worst first. */
  public List<LeagueRow> black() {
    return black;
  }
}
