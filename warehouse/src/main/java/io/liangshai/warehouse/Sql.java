package io.liangshai.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Runs one unit of JDBC work on a pooled connection of a {@link Warehouse} and turns its {@link
 * SQLException} into a {@link WarehouseException}: the only place the table classes meet JDBC's
 * checked exception.
 *
 * <pre>{@code
 * long n = Sql.on(warehouse, "count batches", c -> ...);
 * }</pre>
 */
public final class Sql {

  /** JDBC work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private Sql() {}

  /**
   * Runs {@code work} on a connection of {@code warehouse} and gives the connection back.
   *
   * @param what what the work does, for the message of a failure ({@code "read audit_log"})
   * @throws WarehouseException when JDBC fails
   */
  public static <T> T on(Warehouse warehouse, String what, Work<T> work) {
    Objects.requireNonNull(warehouse, "warehouse");
    try (Connection c = warehouse.connect()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new WarehouseException(what, e);
    }
  }
}
