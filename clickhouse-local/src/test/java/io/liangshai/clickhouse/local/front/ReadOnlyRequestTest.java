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
}
