package io.liangshai.backup;

import io.liangshai.clickhouse.local.testing.Sql;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real rows in every table of both schemas and files in every part of a landing zone, with the
 * values a copy gets wrong first: microseconds, NULLs, empty and Chinese arrays, tabs, line breaks
 * and backslashes in text, the extremes of Int64, a GBK body.
 */
final class SampleRows {

  /** The refusal journal ends in half a line, as it does while a refusal is being appended. */
  static final String JOURNAL_WHOLE =
      "{\"refusal_id\":\"r-0001\",\"status\":413,\"reason\":\"too large\"}\n";

  static final String JOURNAL_HALF = "{\"refusal_id\":\"r-0002\",\"sta";

  private SampleRows() {}

  static void fillClickHouse(String jdbcUrl) throws SQLException {
    Sql.execute(
        jdbcUrl,
        "INSERT INTO api_keys VALUES ('k1', '330000', '省里 key\\tone', repeat('a', 64),"
            + " '2024-01-02 03:04:05.678', 'admin', NULL, 1),"
            + " ('k2', '330381', 'county', repeat('b', 64), '2024-01-02 03:04:05.001', 'k1',"
            + " '2024-02-01 00:00:00.999', 2)",
        "INSERT INTO audit_log VALUES ('2024-01-02 03:04:05.678', '330000', 'k1', 'key.issue',"
            + " 'k2', 'line one\\nline two\\\\ back\\ttab \"quoted\" 温州'),"
            + " ('2024-01-02 03:04:06.000', '330381', 'k2', 'batch.upload', 'b1', '')",
        "INSERT INTO batches VALUES ('b1', '330381', 'k2', '2024-01-03 10:00:00.123', 'text/csv',"
            + " 1234, repeat('c', 64), 10, 2, 1, '[{\"row\":3,\"field\":\"status\"}]')",
        "INSERT INTO processed_batches VALUES ('b1', '2024-01-03 10:00:01.456')",
        "INSERT INTO case_facts VALUES ('330381', 'C-1', ['330000','330300'],"
            + " '2024-01-03 10:00:00.123456', '91330000MA2XXXXX1X', '温州某某有限公司',"
            + " '12345', 'tax', 'closed', '2024-01-01 08:00:00.000001',"
            + " '2024-01-10 17:00:00.999999', 0, '2024-01-05 09:30:00.5', 'none', 3, 1,"
            + " 'satisfied', '描述\\n第二行', 1, 0, '2024-01', '2024-Q1', '2024', '2024-W01',"
            + " 1704240000123456),"
            + " ('330381', 'C-2', [], '2024-01-04 00:00:00.000000', '91330000MA2XXXXX2X', NULL,"
            + " 'window', 'other', 'received', '2024-01-04 00:00:00', '2024-01-11 00:00:00', 1,"
            + " NULL, 'city', 0, 0, NULL, NULL, 0, 0, '2024-01', '2024-Q1', '2024', '2024-W01',"
            + " 18446744073709551615)",
        "INSERT INTO tenant_period_counts VALUES ('month', '2024-01', '330381', 2, 1, 0, 1, 1,"
            + " 1, 0, 3, 1, 0, 7), ('month', '2024-01', '330000', 9223372036854775807,"
            + " -9223372036854775808, 0, 0, 0, 0, 0, 0, 0, 0, 8)",
        "INSERT INTO schemes VALUES ('balanced', 2, '均衡', '{\"minimum_volume\":30}',"
            + " '2024-01-02 00:00:00.000', 'k1', NULL, 5)",
        "INSERT INTO bulletins VALUES ('bul-1', 'monthly', 1, '2024-01', ['全省', 'city'],"
            + " 'standard', '2024-02-01 09:00:00.000', 'k1', NULL, '{\"rows\":[]}', repeat('d', 64),"
            + " repeat('e', 64), repeat('f', 64)), ('bul-2', 'monthly', 2, '2024-01', [],"
            + " 'standard', '2024-02-02 09:00:00.000', 'k1', 'bul-1', '{}', repeat('d', 64),"
            + " repeat('e', 64), repeat('f', 64))",
        "INSERT INTO bulletin_files VALUES ('bul-1', 'pdf', repeat('e', 64), 4, 'JVBERg=='),"
            + " ('bul-1', 'xlsx', repeat('f', 64), 2, 'UEs=')",
        "INSERT INTO quarantine VALUES ('b1', 7, '330381', 'C-9', 'parser', 'not JSON',"
            + " '{\"broken\\t', '2024-01-03 10:00:02.000')",
        "INSERT INTO indicator_values VALUES ('policy_rate', '330381', '2024-01', 'fraction', 3,"
            + " 4, NULL, 'b1', '2024-01-03 10:00:00.123456', 1), ('gdp_x', '330381', '2024-01',"
            + " 'value', NULL, NULL, '0.1234567890123456789', 'b1', '2024-01-03 10:00:00.5', 2)",
        "INSERT INTO case_versions VALUES ('330381', 'C-1', '2024-01-03 10:00:00.123456', 'b1',"
            + " ['330000', '330300'], 'closed', '2024-01-01 08:00:00.000001',"
            + " '2024-01-05 09:30:00.5', '2024-01'), ('330381', 'C-2', '2024-01-04 00:00:00', 'b1',"
            + " [], 'received', '2024-01-04 00:00:00', NULL, '2024-01')");
  }

  static void fillPostgres(javax.sql.DataSource metadata) throws SQLException {
    try (Connection c = metadata.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO api_keys VALUES ('k1', '330000', E'省里\\tkey\\\\one', repeat('a', 64),"
              + " '2024-01-02 03:04:05.678901+00', 'admin', NULL), ('k2', '330381', E'two\\nlines',"
              + " repeat('b', 64), '2024-01-02 03:04:05+08', 'k1', '2024-02-01 00:00:00.000001+00')");
      s.execute(
          "INSERT INTO numbering VALUES ('bulletin', 'monthly', 2), ('scheme', 'balanced', 2)");
      s.execute(
          "INSERT INTO scheme_versions VALUES ('balanced', 1, '均衡', '{\"minimum_volume\":30}',"
              + " '2024-01-01 00:00:00.5+00', 'k1', '2024-01-02 00:00:00+00'), ('balanced', 2, '均衡',"
              + " '{}', '2024-01-02 00:00:00.25+00', NULL, NULL)");
      s.execute(
          "INSERT INTO bulletin_issues VALUES ('monthly', 1, '2024-02-01 09:00:00+00'),"
              + " ('monthly', 2, '2024-02-02 09:00:00.123456+00')");
      s.execute(
          "INSERT INTO record_versions VALUES ('330381', 'C-1', '2024-01-03 10:00:00.123456+00',"
              + " 'h1', 'b1')");
      s.execute("INSERT INTO committed_batches VALUES ('b1', '2024-01-03 10:00:00.2+00')");
      s.execute(
          "INSERT INTO batch_manifests VALUES ('b1', '330381', '2024-01-03 10:00:00.1+00', false,"
              + " E'{\"batch_id\":\"b1\",\"tenant\":\"330381\",\"errors\":[{\"message\":"
              + "\"事由\\\\t\\\\\"空\\\\\"\"}]}')");
      s.execute(
          "INSERT INTO indicator_definitions VALUES ('policy_rate', 1, '{\"code\":\"policy_rate\","
              + "\"name\":\"政策兑现率\",\"kind\":\"reported\"}', '2024-01-06 00:00:00.5+00', 'k1',"
              + " NULL)");
      // ids written as they were (a withdrawn sign-off and the one in force after it)
      s.execute(
          "INSERT INTO signoffs VALUES (7, '330381', '2024-01', '2024-02-03 01:00:00+00', '330381',"
              + " 'k2', 2, 1, 0, 1, 1, 1, 0, 3, 1, 0, '2024-02-04 01:00:00+00', 'k2'), (8, '330381',"
              + " '2024-01', '2024-02-05 01:00:00.25+00', '330300', 'k1', 2, 1, 0, 1, 1, 1, 0, 3, 1,"
              + " 0, NULL, NULL)");
      // a bulletin held for a missing sign-off, released when the last one came
      s.execute(
          "INSERT INTO bulletin_holds VALUES ('monthly', '2024-01', '2024-02-01 01:00:00+00',"
              + " '2024-02-10 01:00:00+00', '330381', '2024-02-04 01:00:00+00',"
              + " '2024-02-05 01:00:00.25+00', 'signed_off')");
      s.execute(
          "INSERT INTO metadata_imports VALUES ('key', 'k1', 'clickhouse api_keys',"
              + " '2024-01-05 00:00:00.000001+00')");
      // A schedule as Quartz's clustered store keeps it: in name order, its cron trigger comes
      // before the trigger and the job it references.
      s.execute(
          "INSERT INTO qrtz_job_details VALUES ('liangshai', 'monthly', 'bulletins', NULL,"
              + " 'io.liangshai.reports.BulletinJob', true, true, false, false, '\\x00ff'::bytea)");
      s.execute(
          "INSERT INTO qrtz_triggers VALUES ('liangshai', 'monthly', 'bulletins', 'monthly',"
              + " 'bulletins', NULL, 1706749200000, NULL, 5, 'WAITING', 'CRON', 1704067200000,"
              + " NULL, NULL, 0, NULL)");
      s.execute(
          "INSERT INTO qrtz_cron_triggers VALUES ('liangshai', 'monthly', 'bulletins',"
              + " '0 0 9 1 * ?', 'Asia/Shanghai')");
    }
  }

  /**
   * Writes a landing zone into {@code landing}; returns what a backup must keep of it, by path:
   * everything accepted, the journal's whole lines only, none of the leftovers.
   */
  static Map<String, byte[]> fillLanding(Path landing) throws IOException {
    Map<String, byte[]> kept = new TreeMap<>();
    byte[] gbk = "case_id,enterprise_name\nC-1,温州某某有限公司\n".getBytes(Charset.forName("GBK"));
    kept.put("raw/b1.csv", write(landing, "raw/b1.csv", gbk));
    kept.put(
        "records/b1.jsonl",
        write(landing, "records/b1.jsonl", "{\"case_id\":\"C-1\"}\n{\"trailer\":1}\n".getBytes()));
    kept.put(
        "batches/b1.json", write(landing, "batches/b1.json", "{\"batch_id\":\"b1\"}".getBytes()));
    write(
        landing,
        "audit/refused-20240103.jsonl",
        (JOURNAL_WHOLE + JOURNAL_HALF).getBytes(StandardCharsets.UTF_8));
    kept.put("audit/refused-20240103.jsonl", JOURNAL_WHOLE.getBytes(StandardCharsets.UTF_8));
    write(landing, "incoming/.body-1.tmp", "half a body".getBytes());
    write(landing, "records/.b2.jsonl.tmp", "{\"case_id\":".getBytes());
    write(landing, "version-index.mv", new byte[] {0, 1, 2});
    return kept;
  }

  static byte[] write(Path landing, String path, byte[] content) throws IOException {
    Path file = landing.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return content;
  }
}
