package io.liangshai.warehouse.figures;

import io.liangshai.core.evaluation.CaseFilter;
import io.liangshai.core.evaluation.FilterKey;
import io.liangshai.core.record.WireNamed;
import io.liangshai.warehouse.CaseFactsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link CaseFilter} as a ClickHouse condition over the columns of {@code case_facts}, for {@code
 * countIf}/{@code sumIf}: every key of SPEC §7 is a column the stream job already keeps per case,
 * so any filter is evaluated over all stored history at once. The only values spliced in are wire
 * names of the §2 enums' constants (lower-case letters, digits and underscores, taken from the
 * enum, never from user text) and fixed fragments. {@code IndicatorQueriesITCase} holds the result
 * equal to {@link CaseFilter#matches} on the sample feed.
 */
public final class CaseFilterSql {

  private CaseFilterSql() {}

  /** The condition of {@code filter}; {@code 1} for the empty filter. */
  public static String condition(CaseFilter filter) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<FilterKey, Set<WireNamed>> list : filter.lists().entrySet()) {
      parts.add(in(column(list.getKey()).sql(), list.getValue()));
    }
    for (Map.Entry<FilterKey, Boolean> flag : filter.flags().entrySet()) {
      parts.add(flag(flag.getKey(), flag.getValue()));
    }
    return parts.isEmpty() ? "1" : "(" + String.join(" AND ", parts) + ")";
  }

  private static CaseFactsTable column(FilterKey key) {
    return switch (key) {
      case CATEGORY -> CaseFactsTable.CATEGORY;
      case CHANNEL -> CaseFactsTable.CHANNEL;
      case ESCALATION_LEVEL -> CaseFactsTable.ESCALATION_LEVEL;
      case SATISFACTION -> CaseFactsTable.SATISFACTION;
      default -> throw new IllegalArgumentException(key + " is not a list key");
    };
  }

  /** {@code column IN (...)}, false (not NULL) for a NULL satisfaction. */
  private static String in(String column, Set<WireNamed> values) {
    String literals =
        values.stream().map(v -> "'" + v.wireName() + "'").collect(Collectors.joining(", "));
    return "ifNull(" + column + " IN (" + literals + "), 0)";
  }

  private static String flag(FilterKey key, boolean value) {
    String holds =
        switch (key) {
          case CLOSED -> CaseFactsTable.STATUS + " = 'closed'";
          case OVERDUE_CLOSED -> CaseFactsTable.OVERDUE_CLOSED + " = 1";
          case RECURRENCE -> CaseFactsTable.RECURRENCE + " = 1";
          case RATED -> CaseFactsTable.SATISFACTION + " IS NOT NULL";
          case LEADER_INSTRUCTED -> CaseFactsTable.LEADER_INSTRUCTED + " = 1";
          case REASSIGNED -> CaseFactsTable.REASSIGNED_COUNT + " >= 1";
          default -> throw new IllegalArgumentException(key + " is not a boolean key");
        };
    return value ? "(" + holds + ")" : "NOT (" + holds + ")";
  }
}
