package io.liangshai.reports.snapshot;

import java.util.List;

/**
 * The 双闭环 anomaly counts of every tenant of one level (cities or counties) in the bulletin.
 *
 * @param level {@code city} or {@code county}
 * @param label e.g. 设区市
 */
public record AnomalyTable(String level, String label, List<AnomalyRow> rows) {

  public AnomalyTable {
    rows = List.copyOf(rows);
  }

  /**
   * One tenant: cases received, and the anomaly counts — rated dissatisfied, open past their
   * deadline (at publication), closed late, reassigned (二次交办), leader-instructed (领导批示) and
   * escalated above county level.
   */
  public record AnomalyRow(
      String tenant,
      String name,
      long received,
      long dissatisfied,
      long overdueOpen,
      long overdueClosed,
      long reassigned,
      long leaderInstructed,
      long escalated) {

    public static AnomalyRow of(String tenant, String name, Figures f) {
      return new AnomalyRow(
          tenant,
          name,
          f.received(),
          f.dissatisfied(),
          f.overdueOpen(),
          f.overdueClosed(),
          f.reassigned(),
          f.leaderInstructed(),
          f.escalated());
    }
  }
}
