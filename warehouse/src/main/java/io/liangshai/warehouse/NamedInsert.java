package io.liangshai.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The insert of one table, bound by column name rather than by position: the table class lists its
 * columns once, and a row binds {@code set("tenant_code", …)}, so reordering or adding a column
 * cannot shift another's value. Every column must be bound before {@link Binding#done()}.
 *
 * <pre>{@code
 * static final NamedInsert INSERT = new NamedInsert("batches", "batch_id", "tenant_code");
 * INSERT.bind(ps).set("batch_id", id).set("tenant_code", tenant).done();
 * }</pre>
 */
public final class NamedInsert {

  private final String table;
  private final List<String> columns;

  public NamedInsert(String table, String... columns) {
    this.table = table;
    this.columns = List.of(columns);
  }

  /** The columns, in the order of {@link #sql()}. */
  public List<String> columns() {
    return columns;
  }

  /** {@code INSERT INTO table (c1, c2, …) VALUES (?, ?, …)}. */
  public String sql() {
    String[] marks = new String[columns.size()];
    Arrays.fill(marks, "?");
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", marks)
        + ")";
  }

  /** Starts binding one row to {@code ps} (prepared from {@link #sql()}). */
  public Binding bind(PreparedStatement ps) {
    return new Binding(ps);
  }

  /** One row being bound. */
  public final class Binding {

    private final PreparedStatement ps;
    private final boolean[] bound = new boolean[columns.size()];

    private Binding(PreparedStatement ps) {
      this.ps = ps;
    }

    public Binding set(String column, String value) throws SQLException {
      ps.setString(index(column), value);
      return this;
    }

    public Binding set(String column, long value) throws SQLException {
      ps.setLong(index(column), value);
      return this;
    }

    /** A {@code Nullable(Int64)}: SQL NULL for {@code null}. */
    public Binding setNullable(String column, Long value) throws SQLException {
      return value == null ? setNull(column, Types.BIGINT) : set(column, value.longValue());
    }

    /** A flag as ClickHouse's {@code UInt8}: 1 or 0. */
    public Binding set(String column, boolean value) throws SQLException {
      ps.setInt(index(column), value ? 1 : 0);
      return this;
    }

    /** An {@code Array(String)}. */
    public Binding set(String column, String[] values) throws SQLException {
      ps.setObject(index(column), values);
      return this;
    }

    /** A timestamp, or SQL NULL for {@code null}. */
    public Binding set(String column, Instant value) throws SQLException {
      if (value == null) {
        return setNull(column, Types.TIMESTAMP);
      }
      ps.setTimestamp(index(column), Timestamp.from(value));
      return this;
    }

    private Binding setNull(String column, int sqlType) throws SQLException {
      ps.setNull(index(column), sqlType);
      return this;
    }

    /** Checks that every column is bound. */
    public PreparedStatement done() {
      for (int i = 0; i < bound.length; i++) {
        if (!bound[i]) {
          throw new IllegalStateException(table + "." + columns.get(i) + " is not bound");
        }
      }
      return ps;
    }

    private int index(String column) {
      int i = columns.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException(table + " has no column " + column);
      }
      bound[i] = true;
      return i + 1;
    }
  }
}
