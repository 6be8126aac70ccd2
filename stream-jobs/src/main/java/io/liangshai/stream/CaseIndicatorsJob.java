package io.liangshai.stream;

import io.liangshai.core.lang.Required;
import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import java.util.Optional;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;

/**
 * The indicators job: the records log (Kafka) → newest version of each case → recurrence verdicts →
 * per-case facts and count deltas (with retractions) → counts per tenant and period → ClickHouse;
 * beside them every accepted version → {@code case_versions}. A line any operator cannot process
 * goes to the quarantine table instead of failing the job ({@link Quarantine}), so a checkpoint
 * passes it and a restart never meets it again.
 *
 * <p>Takes its source and sinks in the constructor so tests can run it on their own; {@link #main}
 * builds the real ones and runs unchanged on a Flink cluster.
 */
public final class CaseIndicatorsJob {

  public static final String NAME = "liangshai-indicators";
  static final long COUNTS_FLUSH_MS = 500;

  private final Source<LogLine, ?, ?> source;
  private final JobSinks sinks;
  private final BatchProgress progress;
  private final TenantHierarchy hierarchy;

  public CaseIndicatorsJob(
      Source<LogLine, ?, ?> source,
      JobSinks sinks,
      BatchProgress progress,
      TenantHierarchy hierarchy) {
    Required.nonNull("source sinks progress hierarchy", source, sinks, progress, hierarchy);
    this.source = source;
    this.sinks = sinks;
    this.progress = progress;
    this.hierarchy = hierarchy;
  }

  /**
   * The real job: the records log, topic {@code topic} on the Kafka at {@code bootstrapServers},
   * in; ClickHouse at {@code jdbcUrl} out.
   */
  public static CaseIndicatorsJob of(
      String bootstrapServers, String topic, String jdbcUrl, TenantRegistry registry) {
    return new CaseIndicatorsJob(
        RecordsSource.of(bootstrapServers, topic),
        ClickHouseSinks.of(jdbcUrl),
        new ClickHouseBatchProgress(jdbcUrl),
        registry.hierarchy());
  }

  /** Adds the job's graph to {@code env}. */
  public void build(StreamExecutionEnvironment env) {
    // The source's uid was "landing-zone" while it read files: a checkpoint of that release is
    // restored with its state left unclaimed (LocalIndicatorsRunner allows it).
    DataStream<LogLine> lines =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "records log").uid("records-log");

    SingleOutputStreamOperator<Landed> records =
        lines.process(new LandingParser(progress)).name(LandingParser.NAME).uid("parse-records");

    SingleOutputStreamOperator<VersionRow> accepted =
        records
            .process(new AcceptedVersions(hierarchy))
            .name(AcceptedVersions.NAME)
            .uid("accepted-versions");
    accepted.sinkTo(sinks.versions()).name("case_versions").uid("case-versions-sink");

    SingleOutputStreamOperator<GroupChange> changes =
        keyed(
            records,
            Landed::caseKey,
            new LatestVersionFunction(),
            LatestVersionFunction.NAME,
            "latest-version");
    SingleOutputStreamOperator<FactUpdate> verdicts =
        keyed(
            changes,
            GroupChange::groupKey,
            new RecurrenceGroupFunction(),
            RecurrenceGroupFunction.NAME,
            "recurrence-groups");
    SingleOutputStreamOperator<CountDelta> deltas =
        keyed(
            verdicts,
            FactUpdate::caseKey,
            new CaseFactsFunction(hierarchy),
            CaseFactsFunction.NAME,
            "case-facts");

    deltas
        .getSideOutput(CaseFactsFunction.FACTS)
        .sinkTo(sinks.facts())
        .name("case_facts")
        .uid("case-facts-sink");

    SingleOutputStreamOperator<CountRow> counted =
        deltas
            .keyBy(CountDelta::key, Types.STRING)
            .transform(
                PeriodCountsOperator.NAME,
                TypeInformation.of(CountRow.class),
                new PeriodCountsOperator(COUNTS_FLUSH_MS))
            .uid("period-counts");
    counted.sinkTo(sinks.counts()).name("tenant_period_counts").uid("counts-sink");

    records
        .getSideOutput(Quarantine.OUTPUT)
        .union(
            changes.getSideOutput(Quarantine.OUTPUT),
            verdicts.getSideOutput(Quarantine.OUTPUT),
            deltas.getSideOutput(Quarantine.OUTPUT),
            counted.getSideOutput(Quarantine.OUTPUT),
            accepted.getSideOutput(Quarantine.OUTPUT))
        .sinkTo(sinks.quarantine())
        .name("quarantine")
        .uid("quarantine-sink");
  }

  /**
   * {@code in} keyed by {@code key} through {@code function}, shown as {@code name}, its state kept
   * under {@code uid} (stable across releases, so that a savepoint restores into it).
   */
  private static <I, O> SingleOutputStreamOperator<O> keyed(
      DataStream<I> in,
      KeySelector<I, String> key,
      KeyedProcessFunction<String, I, O> function,
      String name,
      String uid) {
    return in.keyBy(key, Types.STRING).process(function).name(name).uid(uid);
  }

  public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
    build(env);
    return env.execute(NAME);
  }

  /**
   * On a Flink cluster: {@code flink run liangshai-stream-jobs-job.jar --kafka HOST:PORT
   * --clickhouse JDBC_URL --checkpoints URI [--topic NAME] [--tenants CSV]} ({@link JobArguments};
   * {@code --help} prints the usage text), with the checkpointing and restart strategy of {@link
   * JobSettings}.
   */
  public static void main(String[] args) throws Exception {
    Optional<JobArguments> parsed = JobArguments.parse(args);
    if (parsed.isEmpty()) {
      return;
    }
    JobArguments a = parsed.get();
    TenantRegistry registry = TenantRegistryLoader.loadFileOrDefault(a.tenants());
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(a.configuration());
    of(a.kafka(), a.topic(), a.clickhouse(), registry).execute(env);
  }
}
