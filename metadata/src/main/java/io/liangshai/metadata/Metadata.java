package io.liangshai.metadata;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javax.sql.DataSource;

/** What every metadata store works on: the database, and the clock its rows are stamped with. */
record Metadata(DataSource dataSource, Clock clock) {

  Metadata {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(clock, "clock");
  }

  /** A new connection in auto-commit mode; close it when done. */
  Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /** {@code work} in one transaction on its own connection ({@link Transactions}). */
  <T> T inTransaction(Transactions.Work<T> work) throws SQLException {
    return Transactions.inTransaction(dataSource, work);
  }

  /**
   * {@code work} in one transaction, a failure thrown as the unchecked {@link
   * MetadataStoreException} saying {@code what} failed.
   */
  <T> T inTransaction(String what, Transactions.Work<T> work) {
    try {
      return inTransaction(work);
    } catch (SQLException e) {
      throw new MetadataStoreException(what, e);
    }
  }

  /** To the microsecond, as {@code timestamptz} keeps it, so the answer equals a later read. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
