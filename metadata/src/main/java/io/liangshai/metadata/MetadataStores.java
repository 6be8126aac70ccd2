package io.liangshai.metadata;

import io.liangshai.core.lang.Required;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The stores of the metadata database, each built once over the process's one pool: API keys,
 * scheme versions, bulletin issue numbers, indicator definitions and sign-offs. What the API's
 * services are given instead of the database itself, so that the API holds no SQL.
 */
public record MetadataStores(
    PostgresApiKeyStore keys,
    SchemeVersionStore schemes,
    BulletinNumbers bulletinNumbers,
    PostgresIndicatorDefinitions indicators,
    PostgresSignoffs signoffs) {

  public MetadataStores {
    Required.nonNull(
        "keys schemes bulletinNumbers indicators", keys, schemes, bulletinNumbers, indicators);
    Required.nonNull("signoffs", signoffs);
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
        new PostgresIndicatorDefinitions(dataSource, clock),
        new PostgresSignoffs(dataSource, clock));
  }
}
