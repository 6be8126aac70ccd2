package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.config.LiangshaiConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which ClickHouse layout a configuration asks for, and the one combination that is refused. */
class PlatformLayoutTest {

  private static final String ADMIN = "an-admin-key-of-sixteen+";

  @Test
  void oneServerUnlessAClusterIsNamed() {
    LiangshaiConfig config = LiangshaiConfig.from(Map.of("LIANGSHAI_ADMIN_KEY", ADMIN));

    assertThat(Platform.layout(config).clusterName()).isEmpty();
  }

  @Test
  void aNamedClusterOfAnExternalClickHouseLaysTheTablesOutOverIt() {
    LiangshaiConfig config =
        LiangshaiConfig.from(
            Map.of(
                "LIANGSHAI_ADMIN_KEY", ADMIN,
                "LIANGSHAI_CLICKHOUSE_URL", "jdbc:ch://ch1:8123/liangshai",
                "LIANGSHAI_CLICKHOUSE_CLUSTER", "province"));

    assertThat(Platform.layout(config).clusterName()).isEqualTo(Optional.of("province"));
  }

  @Test
  void aClusterOnTheLocalClickHouseIsRefusedBeforeAnythingStarts() {
    LiangshaiConfig config =
        LiangshaiConfig.from(
            Map.of("LIANGSHAI_ADMIN_KEY", ADMIN, "LIANGSHAI_CLICKHOUSE_CLUSTER", "province"));

    assertThatThrownBy(() -> new Platform(config, Role.ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LIANGSHAI_CLICKHOUSE_URL");
  }
}
