package io.liangshai.clickhouse.local.bench;

import io.liangshai.clickhouse.local.engine.ChdbConnection;
import io.liangshai.clickhouse.local.engine.ChdbResult;
import io.liangshai.clickhouse.local.engine.Libchdb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same 100k rows written to libchdb in-process, without HTTP or JDBC: one {@code INSERT ...
 * VALUES} text, as the driver sends it. Needs {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}; {@link
 * FrontBench} starts it that way.
 *
 * <pre>java DirectInsertBench LIBCHDB_SO ROUNDS</pre>
 */
public final class DirectInsertBench {

  private DirectInsertBench() {}

  public static void main(String[] args) throws Exception {
    Libchdb lib = Libchdb.load(Path.of(args[0]));
    int rounds = Integer.parseInt(args[1]);
    Path dir = Files.createTempDirectory("liangshai-bench-direct-");
    try (ChdbConnection connection = ChdbConnection.open(lib, dir)) {
      for (int round = 0; round < rounds; round++) {
        check(connection.query("DROP TABLE IF EXISTS bench_cases", "TSV"));
        check(connection.query(BenchRows.TABLE_DDL, "TSV"));
        long started = System.nanoTime();
        byte[] sql = valuesInsert();
        long built = System.nanoTime();
        check(connection.query(sql, "TSV", java.util.Map.of()));
        long inserted = System.nanoTime();
        ChdbResult count = connection.query("SELECT count() FROM bench_cases", "TSV");
        System.out.printf(
            "DIRECT round=%d rows=%s build_ms=%d insert_ms=%d total_ms=%d%n",
            round,
            count.text().strip(),
            (built - started) / 1_000_000,
            (inserted - built) / 1_000_000,
            (inserted - started) / 1_000_000);
        count.close();
      }
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static byte[] valuesInsert() {
    StringBuilder sql =
        new StringBuilder("INSERT INTO bench_cases (id, tenant, received, amount) VALUES ");
    for (int i = 0; i < BenchRows.COUNT; i++) {
      if (i > 0) {
        sql.append(',');
      }
      sql.append('(')
          .append(i)
          .append(",'")
          .append(BenchRows.tenant(i))
          .append("',")
          .append(BenchRows.receivedEpochSecond(i))
          .append(',')
          .append(BenchRows.amount(i))
          .append(')');
    }
    return sql.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void check(ChdbResult result) {
    try (result) {
      if (result.failed()) {
        throw new IllegalStateException(result.error());
      }
    }
  }
}
