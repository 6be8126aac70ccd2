package io.liangshai.problems;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Cases whose descriptions state the same problem: its id (from its cases' keys, so the same while
 * the data is), its key words (the terms weighing most in the group, heaviest first) and its cases
 * in key order.
 */
public record ProblemGroup(String id, List<String> keywords, List<ProblemCase> cases) {

  public ProblemGroup {
    Objects.requireNonNull(id, "id");
    keywords = List.copyOf(keywords);
    cases = List.copyOf(cases);
  }

  /** The key words joined with 、, as the API and the bulletin show them. */
  public String label() {
    return String.join("、", keywords);
  }

  /** The codes of the tenants holding its cases, ascending. */
  public SortedSet<String> tenants() {
    SortedSet<String> t = new TreeSet<>();
    cases.forEach(c -> t.add(c.tenant()));
    return t;
  }

  /** Its cases' categories (wire names), ascending. */
  public SortedSet<String> categories() {
    SortedSet<String> t = new TreeSet<>();
    cases.forEach(c -> t.add(c.category()));
    return t;
  }
}
