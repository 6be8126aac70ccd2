package db.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Quartz's clustered JDBC job store (the bulletin schedules, reports' {@code BulletinScheduler}):
 * the tables of {@code org/quartz/impl/jdbcjobstore/tables_postgres.sql} exactly as the Quartz jar
 * on the class path ships them, not a copy of them, without its {@code DROP}s and its trailing
 * {@code COMMIT} (Flyway runs this migration in its own transaction). Quartz reads and writes them
 * through {@code PostgreSQLDelegate} with the prefix {@code QRTZ_}; every instance of the platform
 * shares them, so a scheduled bulletin is published once.
 */
public class V6__quartz extends BaseJavaMigration {

  static final String SCHEMA = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement st = context.getConnection().createStatement()) {
      for (String sql : creates(schema())) {
        st.execute(sql);
      }
    }
  }

  /** The script's statements but its {@code DROP}s and {@code COMMIT}, comments left out. */
  static List<String> creates(String script) {
    StringBuilder text = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : text.toString().split(";")) {
      String sql = statement.strip();
      String head = sql.toUpperCase(Locale.ROOT);
      if (!sql.isEmpty() && !head.startsWith("DROP ") && !head.equals("COMMIT")) {
        statements.add(sql);
      }
    }
    return statements;
  }

  private static String schema() throws IOException {
    try (InputStream in = V6__quartz.class.getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IOException(SCHEMA + " is not on the class path (the quartz jar is missing)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
