package io.liangshai.warehouse.figures;

import io.liangshai.core.time.Period;
import io.liangshai.problems.Grouping;
import io.liangshai.problems.ProblemCase;
import io.liangshai.problems.ProblemGroup;
import io.liangshai.problems.ProblemGrouper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 举一反三 (SPEC §9): the common problems of a tenant's scope in a period — its cases grouped by {@link
 * ProblemGrouper} over that scope only — each with the number of the previous period's cases of the
 * scope (the period before, of the same length) that the group would hold ({@link Grouping#place}).
 * Kept per (period, scope) while no case of the scope changes ({@link
 * CommonProblemQueries#version}); identical requests arriving together are computed once.
 */
public final class CommonProblems {

  /** Entries kept; a province-wide month of 100,000 cases is some 20 MB without descriptions. */
  private static final int CACHE_LIMIT = 32;

  private final CommonProblemQueries queries;
  private final ProblemGrouper grouper;
  private final OnceCache<Key, Problems, RuntimeException> cache =
      new OnceCache<>(CACHE_LIMIT, RuntimeException.class);

  private record Key(Period period, String tenant, String version) {}

  /** The groups of one period and scope, and how many previous-period cases each would hold. */
  public record Problems(List<ProblemGroup> groups, Map<String, Integer> previous) {

    public Problems {
      groups = List.copyOf(groups);
      previous = Map.copyOf(previous);
    }

    public Optional<ProblemGroup> group(String id) {
      return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }
  }

  public CommonProblems(CommonProblemQueries queries, ProblemGrouper grouper) {
    this.queries = Objects.requireNonNull(queries, "queries");
    this.grouper = Objects.requireNonNull(grouper, "grouper");
  }

  /** The common problems of {@code tenant} and its descendants in {@code period}. */
  public Problems of(Period period, String tenant) {
    Key key = new Key(period, tenant, queries.version(tenant));
    return cache.get(key, () -> compute(period, tenant));
  }

  private Problems compute(Period period, String tenant) {
    Grouping grouping = grouper.group(queries.cases(tenant, period));
    Map<String, Integer> previous = grouping.place(queries.cases(tenant, period.previous()));
    return new Problems(
        grouping.groups().stream().map(CommonProblems::withoutText).toList(), previous);
  }

  /** The group as kept: its cases without their descriptions, which no answer shows. */
  private static ProblemGroup withoutText(ProblemGroup g) {
    return new ProblemGroup(
        g.id(),
        g.keywords(),
        g.cases().stream()
            .map(c -> new ProblemCase(c.tenant(), c.caseId(), c.category(), null))
            .toList());
  }
}
