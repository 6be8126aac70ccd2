package io.liangshai.core.time;

/** The lengths of calendar period the indicators are computed for. */
public enum PeriodKind {
  /** A calendar month, written {@code 2024-03}. */
  MONTH,
  /** A calendar quarter, written {@code 2024-Q1}. */
  QUARTER,
  /** A calendar year, written {@code 2024}. */
  YEAR,
  /** An ISO-8601 week (Monday to Sunday), written {@code 2024-W09}. */
  WEEK
}
