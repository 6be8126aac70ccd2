package io.liangshai.core.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PRC working days: Monday to Friday, except public holidays (放假), plus the weekend days announced
 * as make-up working days (调休上班). The holidays are data, read from a CSV resource ({@value
 * #SHIPPED}) with lines {@code date,kind,name} where kind is {@code holiday} or {@code workday};
 * {@code #} starts a comment.
 *
 * <p>A year with at least one line is <em>covered</em>. For a date in a year that is not covered
 * the calendar falls back to plain weekends and logs a warning once per year, rather than failing:
 * a stream job must keep running on 2 January even if nobody has added the new year yet. Call
 * {@link #covers(LocalDate)} to alert on that.
 */
public final class WorkingDayCalendar {

  /** The resource holding the shipped PRC calendar. */
  public static final String SHIPPED = "/calendar/cn-holidays.csv";

  private static final System.Logger LOG = System.getLogger(WorkingDayCalendar.class.getName());

  private final Map<LocalDate, Boolean> exceptions;
  private final Set<Integer> coveredYears;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  private WorkingDayCalendar(Map<LocalDate, Boolean> exceptions) {
    this.exceptions = Map.copyOf(exceptions);
    TreeSet<Integer> years = new TreeSet<>();
    exceptions.keySet().forEach(date -> years.add(date.getYear()));
    this.coveredYears = Set.copyOf(years);
  }

  /** The shipped PRC calendar, read once. */
  public static WorkingDayCalendar china() {
    return Shipped.INSTANCE;
  }

  /**
   * Reads a calendar in the format of {@value #SHIPPED}.
   *
   * @throws IllegalArgumentException naming the line that cannot be read
   */
  public static WorkingDayCalendar read(Reader csv) throws IOException {
    Map<LocalDate, Boolean> exceptions = new HashMap<>();
    BufferedReader lines = new BufferedReader(csv);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date,")) {
        continue;
      }
      readLine(trimmed, number, exceptions);
    }
    return new WorkingDayCalendar(exceptions);
  }

  private static void readLine(String line, int number, Map<LocalDate, Boolean> exceptions) {
    String[] parts = line.split(",", 3);
    if (parts.length < 2) {
      throw new IllegalArgumentException(
          "calendar line " + number + ": expected date,kind,name, found \"" + line + "\"");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(parts[0].strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "calendar line " + number + ": expected a date like 2024-02-10, found " + parts[0], e);
    }
    Boolean working =
        switch (parts[1].strip()) {
          case "holiday" -> false;
          case "workday" -> true;
          default ->
              throw new IllegalArgumentException(
                  "calendar line "
                      + number
                      + ": kind must be holiday or workday, found "
                      + parts[1]);
        };
    if (exceptions.put(date, working) != null) {
      throw new IllegalArgumentException("calendar line " + number + ": " + date + " listed twice");
    }
  }

  /** True for a day people work on: a weekday that is not a holiday, or a make-up workday. */
  public boolean isWorkingDay(LocalDate date) {
    Boolean exception = exceptions.get(date);
    if (exception != null) {
      return exception;
    }
    if (!covers(date) && warnedYears.add(date.getYear())) {
      LOG.log(
          Level.WARNING,
          "No public holidays known for {0}: counting only weekends as days off. Add {0} to {1}.",
          String.valueOf(date.getYear()),
          SHIPPED);
    }
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }

  /** The {@code n}-th working day strictly after {@code date} ({@code n ≥ 1}). */
  public LocalDate plusWorkingDays(LocalDate date, int n) {
    Objects.requireNonNull(date, "date");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, found " + n);
    }
    LocalDate day = date;
    for (int found = 0; found < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        found++;
      }
    }
    return day;
  }

  /** True when the holidays of {@code date}'s year are known. */
  public boolean covers(LocalDate date) {
    return coveredYears.contains(date.getYear());
  }

  /** The years whose holidays are known, ascending. */
  public Set<Integer> coveredYears() {
    return new TreeSet<>(coveredYears);
  }

  private static final class Shipped {
    static final WorkingDayCalendar INSTANCE = load();

    private static WorkingDayCalendar load() {
      InputStream in = WorkingDayCalendar.class.getResourceAsStream(SHIPPED);
      if (in == null) {
        throw new IllegalStateException("missing resource " + SHIPPED);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return read(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + SHIPPED, e);
      }
    }
  }
}
