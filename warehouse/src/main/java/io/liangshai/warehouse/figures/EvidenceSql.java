package io.liangshai.warehouse.figures;

import io.liangshai.core.governance.MonthTally.Count;
import io.liangshai.core.governance.QualityFlags;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The SQL of a flag's count and evidence in {@link GovernanceQueries}: how many cases of the month
 * show a pattern, and the first {@link QualityFlags#EVIDENCE} of their ids in ascending order.
 */
final class EvidenceSql {

  private EvidenceSql() {}

  /** {@code name} (how many cases of M hold {@code condition}) and {@code name_ids} (some ids). */
  static String count(String name, String condition) {
    String of = "in_month AND " + condition;
    return "countIf("
        + of
        + ") AS "
        + name
        + ", arraySlice(arraySort(groupArrayIf(case_id, "
        + of
        + ")), 1, "
        + QualityFlags.EVIDENCE
        + ") AS "
        + name
        + "_ids";
  }

  static Count count(ResultSet rs, String name) throws SQLException {
    return new Count(rs.getLong(name), ids(rs, name + "_ids"));
  }

  static List<String> ids(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    Object values = array.getArray();
    if (values instanceof String[] strings) {
      return List.of(strings);
    }
    return Arrays.stream((Object[]) values).map(String::valueOf).toList();
  }
}
