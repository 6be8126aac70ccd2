package io.liangshai.clickhouse.local.front;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlyRequestTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "  -- comment\n select 'DROP TABLE x; INSERT'",
        "WITH 1 AS x SELECT x",
        "(SELECT 1) UNION ALL (SELECT 2)",
        "SHOW TABLES; DESCRIBE TABLE t; DESC t; EXISTS t; EXPLAIN SELECT 1",
        "SET max_threads = 1; USE system; SELECT 1;",
        "SELECT $$ ; DROP TABLE t $$, $tag$ it's $tag$",
        "SELECT `INSERT`, \"DROP\" FROM t",
      })
  void letsReadsThrough(String sql) {
    assertThatCode(() -> ReadOnlyRequest.check(sql.getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO t VALUES (1)",
        "create table t (x UInt8) ENGINE = Memory",
        "SELECT 1; DROP TABLE t",
        "SELECT 1;DROP TABLE t",
        "SELECT $$'$$; DROP TABLE t; SELECT '$$",
        "/* SELECT */ ALTER TABLE t DELETE WHERE 1",
        "SELECT 1 INTO OUTFILE '/tmp/x'",
        "SELECT 'unterminated; DROP TABLE t",
        "SYSTEM DROP DNS CACHE",
        "OPTIMIZE TABLE t FINAL",
      })
  void refusesAnythingThatMayWrite(String sql) {
    assertThatThrownBy(() -> ReadOnlyRequest.check(sql.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            FrontException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(164);
              org.assertj.core.api.Assertions.assertThat(e.httpStatus()).isEqualTo(403);
            })
        .hasMessageStartingWith("Code: 164. DB::Exception: Cannot execute query in readonly mode");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SET readonly = 1", "SELECT 1; set max_threads = 1, READONLY = 2"})
  void refusesSetReadonly(String sql) {
    assertThatThrownBy(
            () -> ReadOnlyRequest.refuseSetReadonly(sql.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FrontException.class)
        .hasMessageContaining("SET readonly is not supported");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1 SETTINGS readonly = 1",
        "SET max_threads = 1",
        "SELECT 'SET readonly = 1'",
        "SELECT getSetting('readonly')"
      })
  void letsOtherMentionsOfReadonlyThrough(String sql) {
    assertThatCode(() -> ReadOnlyRequest.refuseSetReadonly(sql.getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2", " 1"})
  void readsTheReadonlySetting(String value) {
    org.assertj.core.api.Assertions.assertThat(ReadOnlyRequest.requested(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "", " "})
  void readsTheReadonlySettingOff(String value) {
    org.assertj.core.api.Assertions.assertThat(ReadOnlyRequest.requested(value)).isFalse();
  }
}
