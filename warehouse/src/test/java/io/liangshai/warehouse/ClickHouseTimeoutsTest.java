package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class ClickHouseTimeoutsTest {

  @Test
  void addsTheDriversTimeoutsToEveryUrl() {
    assertThat(
            ClickHouseTimeouts.apply(
                "jdbc:clickhouse:http://127.0.0.1:8123/default?compress=false"))
        .isEqualTo(
            "jdbc:clickhouse:http://127.0.0.1:8123/default?compress=false"
                + "&connection_timeout=2000&socket_timeout=20000");
    assertThat(ClickHouseTimeouts.apply("jdbc:clickhouse:http://h:8123/db"))
        .isEqualTo("jdbc:clickhouse:http://h:8123/db?connection_timeout=2000&socket_timeout=20000");
  }

  @Test
  void leavesATimeoutTheUrlAlreadyNames() {
    String url = "jdbc:clickhouse:http://h:8123/db?socket_timeout=90000&compress=false";
    assertThat(ClickHouseTimeouts.apply(url))
        .isEqualTo(url + "&connection_timeout=2000")
        .doesNotContain("socket_timeout=20000");
    assertThat(ClickHouseTimeouts.apply(ClickHouseTimeouts.apply(url)))
        .isEqualTo(ClickHouseTimeouts.apply(url));
  }

  @Test
  void probesThePingOfTheServerTheUrlNames() {
    assertThat(ClickHouseProbe.pingUri("jdbc:clickhouse:http://127.0.0.1:41349/default?a=b"))
        .hasToString("http://127.0.0.1:41349/ping");
    assertThat(ClickHouseProbe.pingUri("jdbc:ch:https://ch.example:8443/db"))
        .hasToString("https://ch.example:8443/ping");
    assertThat(ClickHouseProbe.pingUri("jdbc:clickhouse://ch.example/db"))
        .hasToString("http://ch.example:8123/ping");
  }

  @Test
  void tellsAnUnavailableClickHouseFromAWrongStatement() {
    assertThat(WarehouseUnavailableException.isUnavailable(new WarehouseUnavailableException("x")))
        .isTrue();
    assertThat(
            WarehouseUnavailableException.isUnavailable(
                new SQLException("query failed", new SocketTimeoutException("Read timed out"))))
        .isTrue();
    assertThat(
            WarehouseUnavailableException.isUnavailable(
                new RuntimeException(
                    new SQLException("x", new RuntimeException(new ConnectException("refused"))))))
        .isTrue();
    assertThat(
            WarehouseUnavailableException.isUnavailable(
                new SQLTransientConnectionException("clickhouse - Connection is not available")))
        .as("the pool timed out waiting for a connection")
        .isTrue();
    assertThat(
            WarehouseUnavailableException.isUnavailable(
                new SQLException("Code: 62. DB::Exception: Syntax error", "HY000")))
        .isFalse();
    assertThat(
            WarehouseUnavailableException.isUnavailable(
                new UncheckedIOException(new java.io.IOException("disk full"))))
        .as("an I/O failure outside JDBC is not ClickHouse's")
        .isFalse();
  }
}
