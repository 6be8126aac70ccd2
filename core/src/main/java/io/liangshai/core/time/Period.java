package io.liangshai.core.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period in Asia/Shanghai: a month ({@code 2024-03}), quarter ({@code 2024-Q1}), year
 * ({@code 2024}) or ISO week ({@code 2024-W09}). A case belongs to the period of its {@code
 * received_at}. Periods are values: equal when of the same kind and first day.
 */
public final class Period implements Comparable<Period> {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final String FORMATS = "2024-03 (month), 2024-Q1, 2024 or 2024-W09 (ISO week)";

  private final PeriodKind kind;
  private final LocalDate firstDay;

  private Period(PeriodKind kind, LocalDate firstDay) {
    this.kind = kind;
    this.firstDay = firstDay;
  }

  /**
   * Reads a period as written in the API and in file names.
   *
   * @throws IllegalArgumentException saying which formats are accepted, or which part is out of
   *     range
   */
  public static Period parse(String text) {
    Objects.requireNonNull(text, "period");
    Matcher m;
    if ((m = MONTH.matcher(text)).matches()) {
      int month = inRange(text, "month", m.group(2), 1, 12);
      return new Period(PeriodKind.MONTH, LocalDate.of(year(m), month, 1));
    }
    if ((m = QUARTER.matcher(text)).matches()) {
      int quarter = inRange(text, "quarter", m.group(2), 1, 4);
      return new Period(PeriodKind.QUARTER, LocalDate.of(year(m), 3 * quarter - 2, 1));
    }
    if ((m = YEAR.matcher(text)).matches()) {
      return new Period(PeriodKind.YEAR, LocalDate.of(year(m), 1, 1));
    }
    if ((m = WEEK.matcher(text)).matches()) {
      LocalDate midYear = LocalDate.of(year(m), 7, 1);
      int weeks = (int) IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(midYear).getMaximum();
      int week = inRange(text, "ISO week", m.group(2), 1, weeks);
      return of(PeriodKind.WEEK, midYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
    }
    throw new IllegalArgumentException(
        "period \"" + text + "\" is not one of the formats " + FORMATS);
  }

  /** The period of {@code kind} that contains {@code instant} in Asia/Shanghai. */
  public static Period of(PeriodKind kind, Instant instant) {
    return of(kind, LocalDate.ofInstant(instant, ChinaTime.ZONE));
  }

  /** The period of {@code kind} that contains {@code date}. */
  public static Period of(PeriodKind kind, LocalDate date) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(date, "date");
    return new Period(kind, firstDayOf(kind, date));
  }

  /** The periods of each of {@code kinds} that contain {@code instant}, in the order given. */
  public static List<Period> containing(Instant instant, Collection<PeriodKind> kinds) {
    return kinds.stream().map(kind -> of(kind, instant)).toList();
  }

  /** The periods of every kind that contain {@code instant}. */
  public static List<Period> containing(Instant instant) {
    return containing(instant, Arrays.asList(PeriodKind.values()));
  }

  public PeriodKind kind() {
    return kind;
  }

  /** The first calendar day of the period. */
  public LocalDate firstDay() {
    return firstDay;
  }

  /** The last calendar day of the period (inclusive). */
  public LocalDate lastDay() {
    return next().firstDay.minusDays(1);
  }

  /** 00:00 Asia/Shanghai of the first day: the first instant in the period. */
  public Instant start() {
    return firstDay.atStartOfDay(ChinaTime.ZONE).toInstant();
  }

  /** 00:00 Asia/Shanghai of the day after the last: the first instant after the period. */
  public Instant end() {
    return next().start();
  }

  /** True when {@code start() ≤ instant < end()}. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  /** The period of the same kind just before this one. */
  public Period previous() {
    return shift(-1);
  }

  /** The period of the same kind just after this one. */
  public Period next() {
    return shift(1);
  }

  private Period shift(int steps) {
    LocalDate first =
        switch (kind) {
          case MONTH -> firstDay.plusMonths(steps);
          case QUARTER -> firstDay.plusMonths(3L * steps);
          case YEAR -> firstDay.plusYears(steps);
          case WEEK -> firstDay.plusWeeks(steps);
        };
    return new Period(kind, first);
  }

  private static LocalDate firstDayOf(PeriodKind kind, LocalDate date) {
    return switch (kind) {
      case MONTH -> date.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
      case YEAR -> date.withDayOfYear(1);
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    };
  }

  private static int year(Matcher m) {
    return Integer.parseInt(m.group(1));
  }

  private static int inRange(String text, String part, String digits, int min, int max) {
    int value = Integer.parseInt(digits);
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "period \"" + text + "\": " + part + " must be " + min + "–" + max + ", found " + value);
    }
    return value;
  }

  /**
   * The canonical text: {@code 2024-03}, {@code 2024-Q1}, {@code 2024} or {@code 2024-W09}. Built
   * by hand: the job names the periods of every change it counts, and {@code String.format} was
   * most of its time in a profile ({@code PeriodTest} compares the two).
   */
  @Override
  public String toString() {
    return switch (kind) {
      case MONTH -> year(firstDay.getYear()) + "-" + twoDigits(firstDay.getMonthValue());
      case QUARTER -> year(firstDay.getYear()) + "-Q" + (firstDay.getMonthValue() + 2) / 3;
      case YEAR -> year(firstDay.getYear());
      case WEEK ->
          year(firstDay.get(IsoFields.WEEK_BASED_YEAR))
              + "-W"
              + twoDigits(firstDay.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    };
  }

  /** {@code %04d}. */
  private static String year(int year) {
    if (year < 0) {
      return String.format("%04d", year);
    }
    String digits = Integer.toString(year);
    return digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
  }

  /** {@code %02d} of 1 to 53. */
  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  /** Orders by kind, then by time. */
  @Override
  public int compareTo(Period other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : firstDay.compareTo(other.firstDay);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Period other && kind == other.kind && firstDay.equals(other.firstDay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, firstDay);
  }
}
