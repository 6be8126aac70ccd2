package io.liangshai.metadata;

import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The stores of the metadata database, each built once over the process's one pool: API keys,
 * scheme versions, bulletin issue numbers and indicator definitions. What the API's services are
 * given instead of the database itself, so that the API holds no SQL.
 */
public record MetadataStores(
    PostgresApiKeyStore keys,
    SchemeVersionStore schemes,
    BulletinNumbers bulletinNumbers,
    PostgresIndicatorDefinitions indicators) {

  public MetadataStores {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(schemes, "schemes");
    Objects.requireNonNull(bulletinNumbers, "bulletinNumbers");
    Objects.requireNonNull(indicators, "indicators");
  }

  /**
   * The stores over {@code dataSource} (migrated, {@link MetadataSchema}), stamped by {@code
   * clock}.
   */
  public static MetadataStores on(DataSource dataSource, Clock clock) {
    return new MetadataStores(
        new PostgresApiKeyStore(dataSource, clock),
        new PostgresSchemeVersions(dataSource, clock),
        new BulletinNumbers(dataSource, clock),
        new PostgresIndicatorDefinitions(dataSource, clock));
  }
}
