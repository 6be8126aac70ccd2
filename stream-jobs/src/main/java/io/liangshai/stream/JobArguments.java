package io.liangshai.stream;

import io.liangshai.core.landing.LandingLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The arguments of {@link CaseIndicatorsJob#main}, parsed by picocli as the launcher parses its
 * own: {@code --kafka HOST:PORT --clickhouse JDBC_URL --checkpoints URI [--topic NAME] [--tenants
 * CSV] [--checkpoint-interval DURATION] [--max-restart-backoff DURATION]}.
 */
@Command(
    name = CaseIndicatorsJob.NAME,
    description = {
      "The indicators job: the records log (Kafka) in, per-case facts and counts per tenant and"
          + " period out to ClickHouse.",
      "Run it with: flink run liangshai-stream-jobs-job.jar --kafka HOST:PORT --clickhouse"
          + " JDBC_URL --checkpoints URI"
    },
    sortOptions = false)
final class JobArguments {

  @Option(
      names = "--kafka",
      required = true,
      paramLabel = "HOST:PORT",
      description = "The Kafka cluster of the records log (bootstrap servers, comma-separated).")
  private String kafka;

  @Option(
      names = "--topic",
      paramLabel = "NAME",
      defaultValue = LandingLog.DEFAULT_TOPIC,
      description = "The records log's topic (default: " + LandingLog.DEFAULT_TOPIC + ").")
  private String topic;

  @Option(
      names = "--clickhouse",
      required = true,
      paramLabel = "JDBC_URL",
      description = "ClickHouse's JDBC URL, e.g. jdbc:clickhouse://host:8123/liangshai.")
  private String clickhouse;

  @Option(
      names = "--checkpoints",
      required = true,
      paramLabel = "URI",
      description =
          "Where checkpoints go, a file system every JobManager and TaskManager reaches"
              + " (file:///shared/…, s3://…, hdfs://…). A batch is processed only once a"
              + " checkpoint after it has completed.")
  private String checkpoints;

  @Option(
      names = "--checkpoint-interval",
      paramLabel = "DURATION",
      defaultValue = "PT0.5S",
      converter = DurationConverter.class,
      description = "How often to checkpoint, as 1s, 500ms or PT1S (default: 500ms).")
  private Duration checkpointInterval;

  @Option(
      names = "--max-restart-backoff",
      paramLabel = "DURATION",
      defaultValue = "PT10S",
      converter = DurationConverter.class,
      description =
          "The longest pause between restarts after a failure; the job never gives up"
              + " (default: 10s).")
  private Duration maxRestartBackoff;

  @Option(
      names = "--tenants",
      paramLabel = "CSV",
      description = "The tenant registry as a CSV file (default: the bundled registry).")
  private Path tenants;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Shows this text and exits.")
  private boolean help;

  private JobArguments() {}

  /**
   * Parses {@code args}.
   *
   * @return empty when {@code --help} was asked for (the usage text is then printed)
   * @throws IllegalArgumentException naming a missing or unknown option, followed by the usage text
   */
  static Optional<JobArguments> parse(String... args) {
    JobArguments parsed = new JobArguments();
    CommandLine cl = new CommandLine(parsed);
    try {
      ParseResult result = cl.parseArgs(args);
      if (CommandLine.printHelpIfRequested(result)) {
        return Optional.empty();
      }
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage() + System.lineSeparator() + usage(), e);
    }
    return Optional.of(parsed);
  }

  /** The usage text. */
  static String usage() {
    return new CommandLine(new JobArguments()).getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  String kafka() {
    return kafka;
  }

  String topic() {
    return topic;
  }

  String clickhouse() {
    return clickhouse;
  }

  Optional<Path> tenants() {
    return Optional.ofNullable(tenants);
  }

  String checkpoints() {
    return checkpoints;
  }

  /**
   * The job's checkpointing, restart and type settings ({@link JobSettings}) from these arguments.
   */
  Configuration configuration() {
    Configuration conf = new Configuration();
    JobSettings.checkpointing(conf, checkpoints, checkpointInterval);
    JobSettings.restarts(conf, maxRestartBackoff);
    JobSettings.types(conf);
    return conf;
  }

  /** A duration as Flink writes them ({@code 1s}, {@code 500 ms}, {@code 2min}) or ISO-8601. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d =
          value.startsWith("P") || value.startsWith("p")
              ? Duration.parse(value)
              : TimeUtils.parseDuration(value);
      if (d.isNegative() || d.isZero()) {
        throw new CommandLine.TypeConversionException("must be positive: " + value);
      }
      return d;
    }
  }
}
