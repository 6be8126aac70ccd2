package io.liangshai.metadata;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The metadata tables, created and upgraded by Flyway from the versioned scripts in {@code
 * db/metadata} ({@code V1__api_keys.sql}, ...) at start. Flyway's own lock makes concurrent starts
 * of several processes safe: one migrates, the others wait and find nothing left to do.
 */
public final class MetadataSchema {

  static final String LOCATION = "classpath:db/metadata";

  private MetadataSchema() {}

  /** Applies every script not applied yet; returns how many it applied. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(LOCATION)
            .failOnMissingLocations(true)
            .load()
            .migrate();
    return result.migrationsExecuted;
  }
}
