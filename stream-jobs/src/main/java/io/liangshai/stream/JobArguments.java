package io.liangshai.stream;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The arguments of {@link CaseIndicatorsJob#main}, parsed by picocli as the launcher parses its
 * own: {@code --landing URI --clickhouse JDBC_URL [--tenants CSV]}.
 */
@Command(
    name = CaseIndicatorsJob.NAME,
    description = {
      "The indicators job: landing-zone records in, per-case facts and counts per tenant and"
          + " period out to ClickHouse.",
      "Run it with: flink run liangshai-stream-jobs-job.jar --landing URI --clickhouse JDBC_URL"
    },
    sortOptions = false)
final class JobArguments {

  @Option(
      names = "--landing",
      required = true,
      paramLabel = "URI",
      description =
          "The landing zone's records directory: any Flink file system URI or local path.")
  private String landing;

  @Option(
      names = "--clickhouse",
      required = true,
      paramLabel = "JDBC_URL",
      description = "ClickHouse's JDBC URL, e.g. jdbc:clickhouse://host:8123/liangshai.")
  private String clickhouse;

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

  String landing() {
    return landing;
  }

  String clickhouse() {
    return clickhouse;
  }

  Optional<Path> tenants() {
    return Optional.ofNullable(tenants);
  }
}
