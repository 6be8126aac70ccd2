package io.liangshai.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

  @Test
  void readsTheLandingZoneClickHouseAndTenants() {
    JobArguments a =
        JobArguments.parse(
                "--landing", "file:///var/landing/records",
                "--clickhouse", "jdbc:clickhouse://ch:8123/liangshai",
                "--tenants", "/etc/liangshai/tenants.csv")
            .orElseThrow();

    assertThat(a.landing()).isEqualTo("file:///var/landing/records");
    assertThat(a.clickhouse()).isEqualTo("jdbc:clickhouse://ch:8123/liangshai");
    assertThat(a.tenants()).contains(Path.of("/etc/liangshai/tenants.csv"));
  }

  @Test
  void tenantsAreOptional() {
    JobArguments a =
        JobArguments.parse("--clickhouse=jdbc:clickhouse://ch:8123/x", "--landing=/records")
            .orElseThrow();

    assertThat(a.tenants()).isEmpty();
  }

  @Test
  void namesAMissingOptionAndShowsTheUsage() {
    assertThatThrownBy(() -> JobArguments.parse("--landing", "/records"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Missing required option: '--clickhouse=JDBC_URL'")
        .hasMessageContaining("Usage: " + CaseIndicatorsJob.NAME);
  }

  @Test
  void namesAnUnknownOption() {
    assertThatThrownBy(
            () ->
                JobArguments.parse(
                    "--landing", "/records", "--clickhouse", "jdbc:x", "--tenant", "t.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown option")
        .hasMessageContaining("'--tenant'");
  }

  @Test
  void anOptionWithoutItsValueIsAnError() {
    assertThatThrownBy(() -> JobArguments.parse("--clickhouse", "jdbc:x", "--landing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--landing");
  }

  @Test
  void helpPrintsTheUsageInsteadOfRunning() {
    assertThat(JobArguments.parse("--help")).isEmpty();
    assertThat(JobArguments.usage())
        .contains("--landing=URI", "--clickhouse=JDBC_URL", "[--tenants=CSV]");
  }
}
