package io.liangshai.warehouse;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A column of one ClickHouse table, as a constant of the enum that lists the table's columns in
 * their order ({@link NamedInsert}). Its name in SQL is the constant's name in lower case: {@code
 * TENANT_CODE} is {@code tenant_code}.
 */
public interface Column {

  /** The constant's name ({@link Enum#name()}). */
  String name();

  /** The column's name in SQL. */
  default String sql() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code c1, c2, …}: the SQL names of {@code columns}, for a SELECT list. */
  static String list(Column... columns) {
    return Arrays.stream(columns).map(Column::sql).collect(Collectors.joining(", "));
  }
}
