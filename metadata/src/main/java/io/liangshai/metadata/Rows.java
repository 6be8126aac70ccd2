package io.liangshai.metadata;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The rows a query answers, each mapped by a {@link Reader}; parameters bound in order. */
final class Rows {

  /** One row at the cursor of a result set, as a value. */
  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private Rows() {}

  /** Every row of {@code sql}, in the order the query gives them. */
  static <T> List<T> list(Connection c, String sql, Reader<T> reader, Object... parameters)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, parameters);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
      }
    }
    return rows;
  }

  /** The first row of {@code sql}; empty when it answers none. */
  static <T> Optional<T> first(Connection c, String sql, Reader<T> reader, Object... parameters)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, parameters);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
      }
    }
  }

  /**
   * A reader of the record {@code type} from the columns named like its components in snake case
   * ({@code createdAt} from {@code created_at}), each read as the component's type: {@code String},
   * {@code int}, {@code long}, a non-null {@code Instant} or an {@code Optional<Instant>}.
   *
   * @throws IllegalArgumentException when a component has another type
   */
  static <R extends Record> Reader<R> byComponents(Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    String[] columns = new String[components.length];
    for (int i = 0; i < components.length; i++) {
      columns[i] = snakeCase(components[i].getName());
      if (!readable(components[i])) {
        throw new IllegalArgumentException(
            type.getSimpleName() + "." + components[i].getName() + " is not a column type");
      }
    }
    Constructor<R> canonical;
    try {
      canonical =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record has its canonical constructor", e);
    }
    return rs -> {
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = column(rs, columns[i], components[i].getType());
      }
      try {
        return canonical.newInstance(values);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static boolean readable(RecordComponent c) {
    Class<?> t = c.getType();
    if (t == Optional.class) {
      return c.getGenericType() instanceof ParameterizedType p
          && p.getActualTypeArguments()[0] == Instant.class;
    }
    return t == String.class || t == int.class || t == long.class || t == Instant.class;
  }

  private static Object column(ResultSet rs, String column, Class<?> type) throws SQLException {
    if (type == String.class) {
      return rs.getString(column);
    } else if (type == int.class) {
      return rs.getInt(column);
    } else if (type == long.class) {
      return rs.getLong(column);
    } else if (type == Instant.class) {
      return instant(rs, column);
    }
    return optionalInstant(rs, column);
  }

  /** {@code createdAt} → {@code created_at}. */
  static String snakeCase(String name) {
    StringBuilder b = new StringBuilder(name.length() + 4);
    for (char ch : name.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        b.append('_').append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** The non-null timestamp column {@code column} of the current row. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getTimestamp(column).toInstant();
  }

  /** The nullable timestamp column {@code column} of the current row. */
  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
  }

  private static void bind(PreparedStatement ps, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      ps.setObject(i + 1, parameters[i]);
    }
  }
}
