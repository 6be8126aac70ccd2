package io.liangshai.ingest;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Batch ids, {@code b_<UTC time to the millisecond>_<8 hex digits>}, each greater than the one
 * before, also within one millisecond and when the clock steps back: the landing zone's order of
 * batches is the order of their ids, which {@link IndexReconciler} relies on. Refusal ids ({@code
 * r_…}, {@link RefusalJournal}) are made the same way.
 */
final class BatchIds {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String prefix;
  private String last;

  /** Batch ids after {@code newestKnown}, the newest batch already landed (if any). */
  BatchIds(Optional<String> newestKnown) {
    this("b_", newestKnown.filter(io.liangshai.core.landing.LandingFile::isBatchId));
  }

  /** Ids starting with {@code prefix} (two characters) after {@code newestKnown}. */
  BatchIds(String prefix, Optional<String> newestKnown) {
    if (prefix.length() != 2) {
      throw new IllegalArgumentException("prefix must have two characters, got " + prefix);
    }
    this.prefix = prefix;
    this.last = newestKnown.orElse(null);
  }

  /** A new id for a batch received at {@code at}, greater than every id given before. */
  synchronized String next(Instant at) {
    Instant t = at.truncatedTo(ChronoUnit.MILLIS);
    if (last != null && t.isBefore(timeOf(last))) {
      t = timeOf(last);
    }
    String id = make(t);
    if (last != null && id.compareTo(last) <= 0) {
      id = make(t.plusMillis(1));
    }
    last = id;
    return id;
  }

  /**
   * A string that sorts just before every batch id received at {@code t} or later, and after every
   * id received earlier.
   */
  static String lowerBound(Instant t) {
    return "b_" + TIME.format(t.truncatedTo(ChronoUnit.MILLIS)) + "_";
  }

  /** The time an id names (to the millisecond); {@code id} must be one of these ids. */
  static Instant timeOf(String id) {
    return TIME.parse(id.substring(2, 20), Instant::from);
  }

  private String make(Instant t) {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    return prefix + TIME.format(t) + "_" + HexFormat.of().formatHex(random);
  }
}
