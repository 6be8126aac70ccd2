package io.liangshai.api;

import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.DeadlineState;
import io.liangshai.warehouse.figures.WarningQueries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Prometheus gauge {@code liangshai_open_cases{state, tenant}}: each tenant's own open cases per
 * deadline state (SPEC §8, {@code within} = 3 working days), read by a {@link PeriodicRead}; summed
 * over {@code tenant} it is the province's. At most 102 tenants × 3 states; a tenant without open
 * cases has no series.
 */
final class WarningGauge extends PeriodicGauge {

  static final String NAME = "liangshai_open_cases";

  WarningGauge(WarningQueries queries, DeadlineClock deadlines, Clock clock, MeterRegistry meters) {
    super(
        multiGauge(
            NAME,
            "Open cases (neither closed nor withdrawn) per deadline state and own tenant, as"
                + " GET /api/v1/warnings judges them now with within=3",
            meters,
            read(queries, deadlines, clock)));
  }

  private static Callable<List<MultiGauge.Row<?>>> read(
      WarningQueries queries, DeadlineClock deadlines, Clock clock) {
    Objects.requireNonNull(queries, "queries");
    Objects.requireNonNull(deadlines, "deadlines");
    Objects.requireNonNull(clock, "clock");
    return () -> {
      Instant now = clock.instant();
      return rows(
          queries.stateCounts(now, deadlines.dueSoonBefore(now, DeadlineClock.DEFAULT_WITHIN)));
    };
  }

  private static List<MultiGauge.Row<?>> rows(List<WarningQueries.StateCounts> counts) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (WarningQueries.StateCounts c : counts) {
      rows.add(row(c.tenant(), DeadlineState.OVERDUE, c.overdue()));
      rows.add(row(c.tenant(), DeadlineState.DUE_SOON, c.dueSoon()));
      rows.add(row(c.tenant(), DeadlineState.ON_TRACK, c.onTrack()));
    }
    return rows;
  }

  private static MultiGauge.Row<?> row(String tenant, DeadlineState state, long n) {
    return MultiGauge.Row.of(Tags.of("state", state.wireName(), "tenant", tenant), n);
  }
}
