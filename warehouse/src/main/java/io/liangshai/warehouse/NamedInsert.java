package io.liangshai.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * The insert of one table, bound by column rather than by position: the table's columns are the
 * constants of one enum, listed once in the table's order, and a row binds {@code set(TENANT_CODE,
 * …)}, so reordering or adding a column cannot shift another's value, and a column of another table
 * does not compile. Every column must be bound before {@link Binding#done()}.
 *
 * <pre>{@code
 * enum Col implements Column { BATCH_ID, TENANT_CODE }
 * static final NamedInsert<Col> INSERT = new NamedInsert<>("batches", Col.class);
 * INSERT.bind(ps).set(Col.BATCH_ID, id).set(Col.TENANT_CODE, tenant).done();
 * }</pre>
 *
 * @param <C> the enum of the table's columns
 */
public final class NamedInsert<C extends Enum<C> & Column> {

  private final String table;
  private final List<String> columns;

  /** The insert of every constant of {@code columns}, in their order, into {@code table}. */
  public NamedInsert(String table, Class<C> columns) {
    this.table = table;
    this.columns = EnumSet.allOf(columns).stream().map(Column::sql).toList();
  }

  /** The columns' SQL names, in the order of {@link #sql()}. */
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

    public Binding set(C column, String value) throws SQLException {
      ps.setString(index(column), value);
      return this;
    }

    public Binding set(C column, long value) throws SQLException {
      ps.setLong(index(column), value);
      return this;
    }

    /** A {@code Nullable(Int64)}: SQL NULL for {@code null}. */
    public Binding setNullable(C column, Long value) throws SQLException {
      return value == null ? setNull(column, Types.BIGINT) : set(column, value.longValue());
    }

    /** A flag as ClickHouse's {@code UInt8}: 1 or 0. */
    public Binding set(C column, boolean value) throws SQLException {
      ps.setInt(index(column), value ? 1 : 0);
      return this;
    }

    /** An {@code Array(String)}. */
    public Binding set(C column, String[] values) throws SQLException {
      ps.setObject(index(column), values);
      return this;
    }

    /** A timestamp, or SQL NULL for {@code null}. */
    public Binding set(C column, Instant value) throws SQLException {
      if (value == null) {
        return setNull(column, Types.TIMESTAMP);
      }
      ps.setTimestamp(index(column), Timestamp.from(value));
      return this;
    }

    private Binding setNull(C column, int sqlType) throws SQLException {
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

    private int index(C column) {
      bound[column.ordinal()] = true;
      return column.ordinal() + 1;
    }
  }
}
