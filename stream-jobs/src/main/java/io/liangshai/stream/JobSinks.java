package io.liangshai.stream;

import io.liangshai.core.lang.Required;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where {@link CaseIndicatorsJob} writes: one sink per table. The real ones are {@link
 * ClickHouseSinks#of}; tests pass sinks that collect.
 *
 * @param counts {@code tenant_period_counts}
 * @param facts {@code case_facts}
 * @param quarantine {@code quarantine}: the lines an operator could not process
 * @param versions {@code case_versions}: every accepted version
 */
public record JobSinks(
    Sink<CountRow> counts,
    Sink<CaseFactRow> facts,
    Sink<QuarantinedLine> quarantine,
    Sink<VersionRow> versions) {

  public JobSinks {
    Required.nonNull("counts facts quarantine versions", counts, facts, quarantine, versions);
  }
}
