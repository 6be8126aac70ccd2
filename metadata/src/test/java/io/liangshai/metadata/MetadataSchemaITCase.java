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

    assertThat(applied).containsExactlyInAnyOrder(5, 0, 0);
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
    assertThat(tables)
        .containsExactly(
            "api_keys",
            "bulletin_issues",
            "committed_batches",
            "numbering",
            "record_versions",
            "scheme_versions");
  }
}
