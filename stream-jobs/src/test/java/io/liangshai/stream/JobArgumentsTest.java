package io.liangshai.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

  @Test
  void readsTheRecordsLogClickHouseAndTenants() {
    JobArguments a =
        JobArguments.parse(
                "--kafka", "kafka-1:9092,kafka-2:9092",
                "--clickhouse", "jdbc:clickhouse://ch:8123/liangshai",
                "--tenants", "/etc/liangshai/tenants.csv",
                "--checkpoints", "file:///shared/checkpoints")
            .orElseThrow();

    assertThat(a.kafka()).isEqualTo("kafka-1:9092,kafka-2:9092");
    assertThat(a.topic()).isEqualTo(io.liangshai.core.landing.LandingLog.DEFAULT_TOPIC);
    assertThat(a.clickhouse()).isEqualTo("jdbc:clickhouse://ch:8123/liangshai");
    assertThat(a.tenants()).contains(Path.of("/etc/liangshai/tenants.csv"));
  }

  @Test
  void tenantsAreOptional() {
    JobArguments a =
        JobArguments.parse(
                "--clickhouse=jdbc:clickhouse://ch:8123/x", "--kafka=k:9092", "--checkpoints=/c")
            .orElseThrow();

    assertThat(a.tenants()).isEmpty();
  }

  @Test
  void namesAMissingOptionAndShowsTheUsage() {
    assertThatThrownBy(() -> JobArguments.parse("--kafka", "k:9092", "--checkpoints", "/c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Missing required option: '--clickhouse=JDBC_URL'")
        .hasMessageContaining("Usage: " + CaseIndicatorsJob.NAME);
  }

  @Test
  void namesAnUnknownOption() {
    assertThatThrownBy(
            () ->
                JobArguments.parse(
                    "--kafka",
                    "k:9092",
                    "--clickhouse",
                    "jdbc:x",
                    "--checkpoints",
                    "/c",
                    "--tenant",
                    "t.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown option")
        .hasMessageContaining("'--tenant'");
  }

  @Test
  void anOptionWithoutItsValueIsAnError() {
    assertThatThrownBy(() -> JobArguments.parse("--clickhouse", "jdbc:x", "--kafka"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--kafka");
  }

  @Test
  void helpPrintsTheUsageInsteadOfRunning() {
    assertThat(JobArguments.parse("--help")).isEmpty();
    assertThat(JobArguments.usage())
        .contains(
            "--kafka=HOST:PORT", "[--topic=NAME]", "--clickhouse=JDBC_URL", "[--tenants=CSV]");
  }

  @Test
  void checkpointingAndRestartsComeFromTheArguments() {
    Configuration conf =
        JobArguments.parse(
                "--kafka", "k:9092",
                "--clickhouse", "jdbc:x",
                "--checkpoints", "s3://bucket/liangshai/checkpoints",
                "--checkpoint-interval", "2s",
                "--max-restart-backoff", "PT30S")
            .orElseThrow()
            .configuration();

    assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEqualTo("s3://bucket/liangshai/checkpoints");
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
        .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void checkpointingDefaultsToEveryHalfSecondAndANegativeIntervalIsRefused() {
    Configuration conf =
        JobArguments.parse("--kafka", "k:9092", "--clickhouse", "jdbc:x", "--checkpoints", "/c")
            .orElseThrow()
            .configuration();

    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(conf.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS))
        .isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(
            () ->
                JobArguments.parse(
                    "--kafka",
                    "/r",
                    "--clickhouse",
                    "jdbc:x",
                    "--checkpoints",
                    "/c",
                    "--checkpoint-interval",
                    "0 ms"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--checkpoint-interval");
  }
}
