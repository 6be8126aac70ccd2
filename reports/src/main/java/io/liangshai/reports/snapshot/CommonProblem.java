package io.liangshai.reports.snapshot;

import io.liangshai.problems.ProblemGroup;
import io.liangshai.warehouse.figures.CommonProblems;
import java.util.Comparator;
import java.util.List;

/**
 * One line of the 举一反三 section (SPEC §9): a common problem of the period province-wide, as {@code
 * GET /api/v1/common-problems} groups it — never its cases' descriptions or enterprises.
 *
 * @param id the group's id at publication
 * @param label its key words joined with 、, as found in the descriptions (may hold characters the
 *     bulletin font lacks: the PDF marks those, the XLSX keeps them)
 * @param cases its cases in the period
 * @param tenants the codes of the tenants holding them, ascending
 * @param categories its cases' categories (wire names), ascending
 * @param previous how many cases of the previous period the group would hold
 */
public record CommonProblem(
    String id,
    String label,
    int cases,
    List<String> tenants,
    List<String> categories,
    int previous) {

  /** The problems a bulletin lists at most. */
  public static final int TOP = 10;

  public CommonProblem {
    tenants = List.copyOf(tenants);
    categories = List.copyOf(categories);
  }

  /** Cases now against the previous period's: positive when the problem grew. */
  public int change() {
    return cases - previous;
  }

  /** The {@link #TOP} largest of {@code problems}, in the API's order (largest first, then id). */
  public static List<CommonProblem> top(CommonProblems.Problems problems) {
    return problems.groups().stream()
        .sorted(
            Comparator.comparingInt((ProblemGroup g) -> -g.cases().size())
                .thenComparing(ProblemGroup::id))
        .limit(TOP)
        .map(
            g ->
                new CommonProblem(
                    g.id(),
                    g.label(),
                    g.cases().size(),
                    List.copyOf(g.tenants()),
                    List.copyOf(g.categories()),
                    problems.previous().getOrDefault(g.id(), 0)))
        .toList();
  }
}
