package io.liangshai.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

  /** Sets the parameters of one statement. */
  @FunctionalInterface
  public interface Parameters {
    void set(PreparedStatement ps) throws SQLException;

    /** No parameters. */
    static Parameters none() {
      return ps -> {};
    }
  }

  /** Reads the answer of one query. */
  @FunctionalInterface
  public interface Answer<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  /** An answer of one row a {@code T}: {@code row} reads each, in order. */
  public static <T> Answer<List<T>> eachRow(Answer<T> row) {
    return rs -> {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row.read(rs));
      }
      return rows;
    };
  }

  /**
   * Runs the query {@code sql} on a connection of {@code warehouse}, its parameters set by {@code
   * parameters}, and reads its answer with {@code answer}.
   *
   * @param what what the query reads, for the message of a failure ({@code "read scheme standard"})
   * @throws WarehouseException when JDBC fails
   */
  public static <T> T query(
      Warehouse warehouse, String what, String sql, Parameters parameters, Answer<T> answer) {
    return on(
        warehouse,
        what,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            parameters.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
              return answer.read(rs);
            }
          }
        });
  }

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
