package io.liangshai.backup;

import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The three places the platform keeps what it cannot lose, as a backup reads them and a restore
 * writes them.
 *
 * @param clickhouseJdbcUrl the warehouse ({@code jdbc:clickhouse:http://host:port/db?user=…})
 * @param metadata the PostgreSQL database of the {@code metadata} module
 * @param landingDir the landing zone ({@code LIANGSHAI_DATA_DIR/landing}): every accepted byte
 */
public record PlatformData(String clickhouseJdbcUrl, DataSource metadata, Path landingDir) {

  public PlatformData {
    Objects.requireNonNull(clickhouseJdbcUrl, "clickhouseJdbcUrl");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(landingDir, "landingDir");
  }
}
