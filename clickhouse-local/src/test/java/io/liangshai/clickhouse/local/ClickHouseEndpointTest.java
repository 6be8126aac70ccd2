package io.liangshai.clickhouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickHouseEndpointTest {

  @Test
  void usesAnExternalServerWithoutStartingAnything() {
    try (ClickHouseEndpoint endpoint =
        ClickHouseEndpoint.resolve(
            Map.of(ClickHouseEndpoint.URL_ENV, "https://ch.example.org:8443/reports?ssl=true"))) {
      assertThat(endpoint.jdbcUrl())
          .isEqualTo("jdbc:clickhouse:https://ch.example.org:8443/reports?ssl=true");
      assertThat(endpoint.local()).isEmpty();
    }
  }

  @Test
  void keepsAJdbcUrlAsItIs() {
    assertThat(ClickHouseEndpoint.toJdbcUrl("jdbc:clickhouse:http://h:8123/db"))
        .isEqualTo("jdbc:clickhouse:http://h:8123/db");
  }

  @Test
  void refusesAnythingElseAndNamesTheVariable() {
    assertThatThrownBy(() -> ClickHouseEndpoint.toJdbcUrl("tcp://h:9000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ClickHouseEndpoint.URL_ENV);
  }

  @Test
  void replacesTheDatabaseOfAUrl() {
    assertThat(
            ClickHouseEndpoint.withDatabase(
                "jdbc:clickhouse:http://h:1/default?compress=false", "t1"))
        .isEqualTo("jdbc:clickhouse:http://h:1/t1?compress=false");
    assertThat(ClickHouseEndpoint.withDatabase("jdbc:clickhouse:http://h:1", "t1"))
        .isEqualTo("jdbc:clickhouse:http://h:1/t1");
    assertThat(ClickHouseEndpoint.withDatabase("jdbc:clickhouse:http://h:1?user=u", "t1"))
        .isEqualTo("jdbc:clickhouse:http://h:1/t1?user=u");
  }
}
