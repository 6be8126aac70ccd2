package io.liangshai.core.record;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps with an offset as SPEC §2 takes them ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}),
 * read without the formatter's cost for the form nearly every row uses: {@code
 * 2024-01-02T08:30:00+08:00}, {@code …:00.123Z}. Any other text (a lower-case {@code t}, no
 * seconds, an offset with seconds, …), and any text that form cannot read, goes to the formatter
 * itself, so what is accepted or refused, and the instant read, are the formatter's by construction
 * ({@code OffsetTimestampsTest} compares them on generated texts). {@link #formatUtcMicros} writes
 * the stored form the same way, by hand where a formatter is slow.
 */
final class OffsetTimestamps {

  private OffsetTimestamps() {}

  /**
   * The instant {@code text} denotes.
   *
   * @throws DateTimeParseException where {@code ISO_OFFSET_DATE_TIME} refuses it
   */
  static Instant parse(String text) {
    Instant fast = fast(text);
    if (fast != null) {
      return fast;
    }
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /**
   * {@code instant} as {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'} in UTC (the form records are stored
   * in), written by hand for years 1000 to 9999 and by {@code formatter} for any other.
   */
  static String formatUtcMicros(Instant instant, DateTimeFormatter formatter) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1000 || t.getYear() > 9999) {
      return formatter.format(instant);
    }
    char[] c = "0000-00-00T00:00:00.000000Z".toCharArray();
    put(c, 0, 4, t.getYear());
    put(c, 5, 2, t.getMonthValue());
    put(c, 8, 2, t.getDayOfMonth());
    put(c, 11, 2, t.getHour());
    put(c, 14, 2, t.getMinute());
    put(c, 17, 2, t.getSecond());
    put(c, 20, 6, instant.getNano() / 1000);
    return new String(c);
  }

  /** Writes {@code value} as {@code width} decimal digits at {@code c[from]}. */
  private static void put(char[] c, int from, int width, int value) {
    for (int i = from + width - 1; i >= from; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} read by hand; null for anything else. */
  private static Instant fast(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (Math.min(Math.min(year, month), Math.min(day, Math.min(hour, Math.min(minute, second)))) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return null; // -1 is a non-digit; the formatter explains what is wrong
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int k = i - start; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, i + 3);
      int om = digits(s, i + 4, i + 6);
      if (oh < 0 || om < 0 || oh > 18 || om > 59 || (oh == 18 && om > 0)) { // ±18:00 at most
        return null;
      }
      offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException invalidDate) {
      return null;
    }
  }

  /** The number written in {@code s[from, to)}, or -1 if any of it is not an ASCII digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
