package io.liangshai.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.postgres.local.testing.PostgresExtension;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetadataSchemaITCase {

  private static final int SCRIPTS = 11;

  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @Test
  void migratesAnEmptyDatabaseOnceEvenFromConcurrentStarts() throws Exception {
    List<Integer> applied =
        Concurrently.run(3, i -> () -> MetadataSchema.migrate(POSTGRES.dataSource()));

    // Flyway locks per script, so concurrent starts may share the work; each script runs once
    assertThat(applied.stream().mapToInt(Integer::intValue).sum()).isEqualTo(SCRIPTS);
    assertThat(MetadataSchema.migrate(POSTGRES.dataSource())).isZero();
    try (Connection c = POSTGRES.connect()) {
      assertThat(
              Rows.first(
                  c,
                  "SELECT count(*) || '/' || count(DISTINCT version) FROM flyway_schema_history"
                      + " WHERE success",
                  rs -> rs.getString(1)))
          .contains(SCRIPTS + "/" + SCRIPTS);
    }
    assertThat(tables("NOT LIKE"))
        .containsExactly(
            "api_keys",
            "batch_manifests",
            "bulletin_holds",
            "bulletin_issues",
            "committed_batches",
            "indicator_definitions",
            "metadata_imports",
            "numbering",
            "record_versions",
            "scheme_versions",
            "signoffs");
    assertThat(tables("LIKE"))
        .as("Quartz's job store, as tables_postgres.sql of its jar creates it")
        .containsExactly(
            "qrtz_blob_triggers",
            "qrtz_calendars",
            "qrtz_cron_triggers",
            "qrtz_fired_triggers",
            "qrtz_job_details",
            "qrtz_locks",
            "qrtz_paused_trigger_grps",
            "qrtz_scheduler_state",
            "qrtz_simple_triggers",
            "qrtz_simprop_triggers",
            "qrtz_triggers");
  }

  /** The public tables whose name is ({@code LIKE}) or is not ({@code NOT LIKE}) Quartz's. */
  private static List<String> tables(String like) throws Exception {
    try (Connection c = POSTGRES.connect()) {
      return Rows.list(
          c,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
              + " AND table_name <> 'flyway_schema_history' AND table_name "
              + like
              + " 'qrtz\\_%' ORDER BY table_name",
          rs -> rs.getString(1));
    }
  }
}
