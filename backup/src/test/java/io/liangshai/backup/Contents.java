package io.liangshai.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** What a store holds, table by table and file by file, in a form two stores compare by. */
final class Contents {

  private Contents() {}

  /**
   * Every row of every ClickHouse table but {@code schema_migrations}, as the engine prints it
   * (TabSeparated: DateTime64 to its last digit, NULL as {@code \N}), sorted.
   */
  static Map<String, List<String>> clickhouse(String jdbcUrl) {
    ClickHouseHttp ch = ClickHouseHttp.of(jdbcUrl);
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : ClickHouseTables.tables(ch)) {
      tables.put(
          table, ch.lines("SELECT * FROM " + ClickHouseHttp.quoted(table) + " ORDER BY ALL"));
    }
    return tables;
  }

  /** Every row of every PostgreSQL table but Flyway's history, as row text, sorted. */
  static Map<String, List<String>> postgres(DataSource metadata) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Connection c = metadata.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE 'UTC'");
      List<String> names = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                  + " current_schema() AND table_name <> 'flyway_schema_history'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String table : names) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t ORDER BY 1")) {
          while (rs.next()) {
            rows.add(rs.getString(1));
          }
        }
        tables.put(table, rows);
      }
    }
    return tables;
  }

  /** Every file under {@code dir}, by path relative to it. */
  static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Digest.of(p));
      }
    }
    return files;
  }
}
