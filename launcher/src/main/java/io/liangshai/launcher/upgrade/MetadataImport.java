package io.liangshai.launcher.upgrade;

import io.liangshai.launcher.upgrade.LegacyTables.LegacyKey;
import io.liangshai.launcher.upgrade.LegacyTables.SeriesNumbering;
import io.liangshai.metadata.BulletinNumbers;
import io.liangshai.metadata.MetadataImports;
import io.liangshai.metadata.MetadataImports.Kind;
import io.liangshai.metadata.PostgresApiKeyStore;
import io.liangshai.metadata.PostgresSchemeVersions;
import io.liangshai.metadata.SchemeVersionExistsException;
import io.liangshai.metadata.SchemeVersionStore.Row;
import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.warehouse.Warehouse;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the metadata a data directory of the release before PostgreSQL kept in ClickHouse ({@link
 * LegacyTables}) into the PostgreSQL metadata tables: API keys with their hashes and state, scheme
 * versions with their original numbers, authors, times and retirement, and each bulletin series'
 * numbering, continued after its highest issue number. Runs at every start (migrated schema
 * required): what is there already is left as it is, so a second run, or two processes starting at
 * once, store each item once (the tables' keys decide). A revocation or retirement made in the old
 * tables after an earlier import (a downgrade and back) is carried over; nothing is ever
 * un-revoked. The old tables are only read, so a downgrade still finds them as they were. Each item
 * stored is noted in {@link MetadataImports}; one log line says what happened.
 */
public final class MetadataImport {

  static final String SOURCE = "clickhouse";

  private static final Logger LOG = LoggerFactory.getLogger(MetadataImport.class);

  private final LegacyTables legacy;
  private final PostgresApiKeyStore keys;
  private final PostgresSchemeVersions schemes;
  private final BulletinNumbers numbers;
  private final MetadataImports imports;

  private MetadataImport(Warehouse warehouse, DataSource postgres, Clock clock) {
    this.legacy = new LegacyTables(warehouse);
    this.keys = new PostgresApiKeyStore(postgres, clock);
    this.schemes = new PostgresSchemeVersions(postgres, clock);
    this.numbers = new BulletinNumbers(postgres, clock);
    this.imports = new MetadataImports(postgres, clock);
  }

  /**
   * Imports what is missing from the old tables of {@code warehouse} into the metadata database
   * {@code postgres} (already migrated), stamping what it writes with {@code clock}.
   *
   * @throws SQLException naming the item that could not be stored
   */
  public static ImportSummary run(Warehouse warehouse, DataSource postgres, Clock clock)
      throws SQLException {
    ImportSummary summary = new MetadataImport(warehouse, postgres, clock).importAll();
    LOG.info("metadata import from ClickHouse: {}", summary.describe());
    return summary;
  }

  private ImportSummary importAll() throws SQLException {
    Set<String> present = legacy.present();
    ImportSummary.Counter counter = new ImportSummary.Counter();
    if (present.contains(LegacyTables.KEYS)) {
      for (LegacyKey key : legacy.keys()) {
        importKey(key, counter);
      }
    }
    if (present.contains(LegacyTables.SCHEMES)) {
      for (Row version : legacy.schemeVersions()) {
        importScheme(version, counter);
      }
    }
    if (present.contains(LegacyTables.BULLETINS)) {
      for (SeriesNumbering series : legacy.bulletinSeries()) {
        importNumbering(series, counter);
      }
    }
    return counter.summary();
  }

  private void importKey(LegacyKey legacyKey, ImportSummary.Counter counter) throws SQLException {
    ApiKey key = legacyKey.key();
    try {
      if (keys.importKey(key, legacyKey.keyHash())) {
        imports.record(Kind.KEY, key.keyId(), SOURCE);
        counter.keysStored++;
        return;
      }
      counter.keysPresent++;
      boolean activeHere = keys.find(key.keyId()).map(ApiKey::isActive).orElse(false);
      if (!key.isActive() && activeHere && keys.revoke(key.keyId())) {
        counter.revocationsCarried++;
      }
    } catch (SQLException e) {
      throw failed("key " + key.keyId() + " of tenant " + key.tenantCode(), e);
    }
  }

  private void importScheme(Row version, ImportSummary.Counter counter) throws SQLException {
    String ref = version.id() + "@" + version.version();
    try {
      schemes.define(version);
      imports.record(Kind.SCHEME, ref, SOURCE);
      counter.schemeVersionsStored++;
    } catch (SchemeVersionExistsException e) {
      Optional<Row> here =
          schemes.versionsOf(version.id()).stream()
              .filter(v -> v.version() == version.version())
              .findFirst();
      if (here.isEmpty() || !sameDefinition(here.get(), version)) {
        LOG.warn(
            "metadata import: scheme {} in ClickHouse differs from {} in PostgreSQL; the"
                + " PostgreSQL one is kept",
            ref,
            ref);
        counter.schemeVersionsConflicting++;
        return;
      }
      counter.schemeVersionsPresent++;
      if (version.retiredAt().isPresent() && here.get().retiredAt().isEmpty()) {
        schemes.retire(version.id(), version.version());
        counter.retirementsCarried++;
      }
    } catch (SQLException e) {
      throw failed("scheme " + ref, e);
    }
  }

  private void importNumbering(SeriesNumbering series, ImportSummary.Counter counter)
      throws SQLException {
    try {
      if (numbers.lastIssueNo(series.series()) >= series.lastIssueNo()) {
        counter.seriesPresent++;
        return;
      }
      numbers.continueAfter(series.series(), series.lastIssueNo());
      imports.record(Kind.BULLETIN_SERIES, series.series() + "@" + series.lastIssueNo(), SOURCE);
      counter.seriesContinued++;
    } catch (SQLException e) {
      throw failed("the numbering of bulletin series " + series.series(), e);
    }
  }

  private static boolean sameDefinition(Row here, Row legacy) {
    return here.name().equals(legacy.name())
        && here.definition().equals(legacy.definition())
        && here.createdAt().equals(legacy.createdAt());
  }

  private static SQLException failed(String what, SQLException e) {
    return new SQLException(
        "could not import " + what + " from ClickHouse into PostgreSQL: " + e.getMessage(),
        e.getSQLState(),
        e);
  }
}
