package io.liangshai.clickhouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalClickHouseConfigTest {

  private static final Path DATA = Path.of("/var/lib/liangshai/clickhouse");

  @Test
  void defaultsToAnyPortAndTheStandardCache() {
    LocalClickHouseConfig config = LocalClickHouseConfig.of(DATA);

    assertThat(config.port()).isZero();
    assertThat(config.dataDir()).isEqualTo(DATA);
    assertThat(config.startupTimeout()).isPositive();
  }

  @Test
  void namesTheArgumentThatIsWrong() {
    assertThatThrownBy(() -> LocalClickHouseConfig.builder(DATA).port(70000).build())
        .hasMessageContaining("port");
    assertThatThrownBy(
            () -> LocalClickHouseConfig.builder(DATA).startupTimeout(Duration.ZERO).build())
        .hasMessageContaining("startupTimeout");
    assertThatThrownBy(() -> LocalClickHouseConfig.builder(DATA).maxHeap("lots").build())
        .hasMessageContaining("maxHeap");
    assertThatThrownBy(() -> LocalClickHouseConfig.builder(null).build())
        .hasMessageContaining("dataDir");
  }
}
