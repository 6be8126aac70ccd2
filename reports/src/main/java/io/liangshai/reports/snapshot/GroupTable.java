package io.liangshai.reports.snapshot;

import java.util.List;
import java.util.Map;

/**
 * The league table of one peer group as published, with its red and black lists (红榜/黑榜).
 *
 * @param group the peer group id, e.g. {@code counties}
 * @param label its Chinese label, e.g. 县（市、区）
 * @param ranked how many members were ranked (eligible)
 * @param listSize N of the list rule: the top and bottom N ranks a list may draw from
 * @param pooledRates p₀ of each rate over the ranked members, by wire name (null when undefined)
 * @param rows every member: ranked ones by rank, then unranked ones by code
 * @param red the red list (红榜), best first
 * @param black the black list (黑榜), worst first
 * @param columns the defined indicators the scheme weights (SPEC §7), in scheme order: a column
 *     each after the four built-in rates (empty for a scheme of built-in rates only, and in
 *     bulletins published before the columns existed)
 */
public record GroupTable(
    String group,
    String label,
    int ranked,
    int listSize,
    Map<String, Double> pooledRates,
    List<TableRow> rows,
    List<ListEntry> red,
    List<ListEntry> black,
    List<IndicatorColumn> columns) {

  public GroupTable {
    columns = columns == null ? List.of() : List.copyOf(columns);
    rows = List.copyOf(rows);
    red = List.copyOf(red);
    black = List.copyOf(black);
  }
}
