package io.liangshai.api;

import io.liangshai.core.governance.QualityFlags;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.GovernanceQueries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Prometheus gauge {@code liangshai_quality_flag_cases{flag, month, tenant}}: for the newest month
 * before the current one (Asia/Shanghai) that holds cases, the cases of each data-quality flag
 * raised, as {@code GET /api/v1/flags} answers the province (SPEC §10); read by a {@link
 * PeriodicRead}. A tenant without a flag has no series.
 */
final class QualityFlagGauge extends PeriodicGauge {

  static final String NAME = "liangshai_quality_flag_cases";

  QualityFlagGauge(
      GovernanceQueries queries, TenantRegistry registry, Clock clock, MeterRegistry meters) {
    super(
        multiGauge(
            NAME,
            "Cases showing each data-quality flag (SPEC §10) per own tenant, in the newest"
                + " month before the current one that holds cases",
            meters,
            read(queries, registry, clock)));
  }

  private static Callable<List<MultiGauge.Row<?>>> read(
      GovernanceQueries queries, TenantRegistry registry, Clock clock) {
    Objects.requireNonNull(queries, "queries");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(clock, "clock");
    return () -> {
      Period current = Period.of(PeriodKind.MONTH, clock.instant());
      Optional<Period> month = queries.newestMonthBefore(current);
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      if (month.isPresent()) {
        queries
            .tallies(registry.province().code(), month.get())
            .forEach(
                (tenant, tally) ->
                    QualityFlags.judge(tally)
                        .forEach(
                            f ->
                                rows.add(
                                    MultiGauge.Row.of(
                                        Tags.of(
                                            "flag",
                                            f.flag().wireName(),
                                            "month",
                                            month.get().toString(),
                                            "tenant",
                                            tenant),
                                        f.cases()))));
      }
      return rows;
    };
  }
}
