package io.liangshai.reports.snapshot;

import io.liangshai.core.time.Period;
import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.warehouse.figures.CommonProblems;
import io.liangshai.warehouse.figures.WarningQueries;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a snapshot reads beside the figures, each optional (a section whose source is not told is
 * left out of the bulletin): who has signed off the month (SPEC §10), the period's common problems
 * province-wide (§9) and the open cases per deadline state (§8). Blocking reads.
 */
public record BulletinSources(
    SignoffStatus signoffs, ProblemsSource problems, OpenCasesSource openCases) {

  /** No source: bulletins without the sign-off line, the 举一反三 and the 预警 sections. */
  public static final BulletinSources NONE =
      new BulletinSources(
          SignoffStatus.UNKNOWN, (p, t) -> Optional.empty(), at -> Optional.empty());

  public BulletinSources {
    Objects.requireNonNull(signoffs, "signoffs");
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(openCases, "openCases");
  }

  /** Only the sign-offs known. */
  public static BulletinSources of(SignoffStatus signoffs) {
    return NONE.withSignoffs(signoffs);
  }

  public BulletinSources withSignoffs(SignoffStatus s) {
    return new BulletinSources(s, problems, openCases);
  }

  /** The common problems of {@code problems} (the same grouping as the API's). */
  public BulletinSources withProblems(CommonProblems p) {
    Objects.requireNonNull(p, "problems");
    return new BulletinSources(
        signoffs, (period, tenant) -> Optional.of(p.of(period, tenant)), openCases);
  }

  /** The open cases of {@code queries}, due soon as {@code deadlines} judges it. */
  public BulletinSources withOpenCases(WarningQueries queries, DeadlineClock deadlines) {
    Objects.requireNonNull(queries, "queries");
    Objects.requireNonNull(deadlines, "deadlines");
    return new BulletinSources(
        signoffs,
        problems,
        at ->
            Optional.of(
                queries.stateCounts(
                    at, deadlines.dueSoonBefore(at, DeadlineClock.DEFAULT_WITHIN))));
  }

  /** The common problems of a period within a tenant's scope, if known. */
  @FunctionalInterface
  public interface ProblemsSource {
    Optional<CommonProblems.Problems> of(Period period, String tenant);
  }

  /** Every tenant's own open cases per deadline state at an instant, if known. */
  @FunctionalInterface
  public interface OpenCasesSource {
    Optional<List<WarningQueries.StateCounts>> at(Instant asOf);
  }
}
