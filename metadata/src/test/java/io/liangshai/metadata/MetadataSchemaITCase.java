package io.liangshai.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.postgres.local.testing.PostgresExtension;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetadataSchemaITCase {

  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @Test
  void migratesAnEmptyDatabaseOnceEvenFromConcurrentStarts() throws Exception {
    List<Integer> applied =
        Concurrently.run(3, i -> () -> MetadataSchema.migrate(POSTGRES.dataSource()));

    // Flyway locks per script, so concurrent starts may share the work; each script runs once
    assertThat(applied.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    assertThat(MetadataSchema.migrate(POSTGRES.dataSource())).isZero();
    List<String> tables;
    try (Connection c = POSTGRES.connect()) {
      tables =
          Rows.list(
              c,
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                  + " AND table_name <> 'flyway_schema_history' ORDER BY table_name",
              rs -> rs.getString(1));
    }
    try (Connection c = POSTGRES.connect()) {
      assertThat(
              Rows.first(
                  c,
                  "SELECT count(*) || '/' || count(DISTINCT version) FROM flyway_schema_history"
                      + " WHERE success",
                  rs -> rs.getString(1)))
          .contains("6/6");
    }
    assertThat(tables)
        .containsExactly(
            "api_keys",
            "bulletin_issues",
            "committed_batches",
            "metadata_imports",
            "numbering",
            "record_versions",
            "scheme_versions");
  }
}
