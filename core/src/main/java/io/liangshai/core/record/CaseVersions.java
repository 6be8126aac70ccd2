package io.liangshai.core.record;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which version of a case is the case (SPEC §2): the one with the greatest {@code updated_at}. Two
 * different versions with the same {@code updated_at} are a conflict that ingest rejects; where
 * both are seen anyway, the greater {@link CaseRecord#contentHash()} wins, so the outcome never
 * depends on the order in which versions arrive.
 */
public final class CaseVersions {

  /** Orders versions of one case from oldest to newest. */
  public static final Comparator<CaseRecord> OLDEST_FIRST =
      Comparator.comparing(CaseRecord::updatedAt).thenComparing(CaseRecord::contentHash);

  private CaseVersions() {}

  /**
   * Whether {@code a} is an older version than {@code b} (of the same case), so that {@code b}
   * wins; equal records are neither older nor newer.
   */
  public static boolean isOlder(CaseRecord a, CaseRecord b) {
    return OLDEST_FIRST.compare(a, b) < 0;
  }

  /** The newer of two versions of the same case. */
  public static CaseRecord newer(CaseRecord a, CaseRecord b) {
    if (!a.key().equals(b.key())) {
      throw new IllegalArgumentException(
          "versions of different cases: " + a.key() + ", " + b.key());
    }
    return OLDEST_FIRST.compare(a, b) >= 0 ? a : b;
  }

  /**
   * True when {@code a} and {@code b} are different versions of one case with the same {@code
   * updated_at}: what ingest rejects as a conflict. Equal records are not a conflict (a replay).
   */
  public static boolean isConflict(CaseRecord a, CaseRecord b) {
    return a.key().equals(b.key()) && a.updatedAt().equals(b.updatedAt()) && !a.equals(b);
  }

  /** The newest version of every case in {@code records}, which may come in any order. */
  public static Map<CaseKey, CaseRecord> latest(Stream<CaseRecord> records) {
    Map<CaseKey, CaseRecord> latest = new HashMap<>();
    records.forEach(record -> latest.merge(record.key(), record, CaseVersions::newer));
    return latest;
  }
}
