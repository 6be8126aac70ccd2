package io.liangshai.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intake and request limits: defaults, the environment, the file, and values refused by name. */
class LiangshaiConfigLimitsTest {

  @TempDir Path dir;

  @Test
  void defaultsTo64MiB200kRowsAnd600RequestsAMinute() {
    LiangshaiConfig.Limits limits = LiangshaiConfig.from(Map.of()).limits();

    assertThat(limits.maxBodyBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(limits.maxRowsPerBatch()).isEqualTo(200_000);
    assertThat(limits.requestsPerMinute()).isEqualTo(600);
  }

  @Test
  void theEnvironmentWinsOverTheFile() throws Exception {
    Path file = dir.resolve("liangshai.properties");
    Files.writeString(file, "limits.max_rows_per_batch=1000\nlimits.requests_per_minute=30\n");

    LiangshaiConfig.Limits limits =
        LiangshaiConfig.from(
                Map.of(
                    "LIANGSHAI_CONFIG", file.toString(),
                    "LIANGSHAI_REQUESTS_PER_MINUTE", "90",
                    "LIANGSHAI_MAX_BODY_BYTES", "1048576"))
            .limits();

    assertThat(limits.maxRowsPerBatch()).isEqualTo(1000);
    assertThat(limits.requestsPerMinute()).isEqualTo(90);
    assertThat(limits.maxBodyBytes()).isEqualTo(1_048_576);
  }

  @Test
  void refusesALimitBelowOneNamingIt() {
    assertThatThrownBy(() -> LiangshaiConfig.from(Map.of("LIANGSHAI_MAX_ROWS_PER_BATCH", "0")))
        .hasMessageContaining("LIANGSHAI_MAX_ROWS_PER_BATCH");
    assertThatThrownBy(() -> LiangshaiConfig.from(Map.of("LIANGSHAI_REQUESTS_PER_MINUTE", "lots")))
        .hasMessageContaining("LIANGSHAI_REQUESTS_PER_MINUTE");
  }
}
