package io.liangshai.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The parameters of one query, in order, and the optional conditions of its {@code WHERE} clause
 * ({@code " AND status = ?"} …) with the parameters they bind: a filter that is not set adds
 * neither. Bound as their JDBC types: {@code String}, {@code Integer}, {@code Timestamp}, and a
 * {@code String[]} as a ClickHouse {@code Array(String)}.
 *
 * <pre>{@code
 * Conditions where = new Conditions().andIfSet("key_id = ?", q.keyId());
 * Sql.query(warehouse, "read audit_log", SELECT + where.sql(), where, Sql.eachRow(...));
 * }</pre>
 */
public final class Conditions implements Sql.Parameters {

  private final StringBuilder sql = new StringBuilder();
  private final List<Object> values = new ArrayList<>();

  /** Binds {@code value} to the next {@code ?} of the query outside the conditions. */
  public Conditions value(Object value) {
    values.add(value);
    return this;
  }

  /** Adds {@code AND condition}, binding {@code value} to its {@code ?}. */
  public Conditions and(String condition, Object value) {
    sql.append(" AND ").append(condition);
    return value(value);
  }

  /** Adds {@code AND condition} binding {@code value} when it is set (not null). */
  public Conditions andIfSet(String condition, Object value) {
    return andIfSet(condition, value, v -> v);
  }

  /** Adds {@code AND condition} binding {@code bound(value)} when {@code value} is set. */
  public <T> Conditions andIfSet(String condition, T value, Function<T, Object> bound) {
    return value == null ? this : and(condition, bound.apply(value));
  }

  /** The conditions added, each as {@code " AND …"}; empty when none is set. */
  public String sql() {
    return sql.toString();
  }

  @Override
  public void set(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v instanceof String[] array) {
        ps.setArray(i + 1, ps.getConnection().createArrayOf("String", array));
      } else if (v instanceof Timestamp t) {
        ps.setTimestamp(i + 1, t);
      } else if (v instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        ps.setString(i + 1, (String) v);
      }
    }
  }
}
