package io.liangshai.launcher;

import io.liangshai.core.governance.QualityFlag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How chosen tenants of a generated feed game their figures (SPEC §10's data-quality flags), and
 * which go silent: {@code bin/liangshai generate --game FLAG=TENANT,… --silent TENANT}. A gamed
 * tenant's cases show the flag's pattern in every month ({@code withdrawal_spike} only in the last
 * month of the feed, against the normal months before); a silent tenant receives no case in the
 * last month.
 *
 * @param games each gamed tenant's flags
 * @param silent the tenants without cases in the last month
 * @param lastMonth when the feed's last month begins
 */
record FeedGaming(Map<String, Set<QualityFlag>> games, Set<String> silent, Instant lastMonth) {

  /** An ungamed feed: nothing changes, not even the random numbers drawn. */
  static final FeedGaming NONE = new FeedGaming(Map.of(), Set.of(), Instant.MAX);

  /** Of the closed cases of a tenant gaming instant_closing, closed within 10 minutes. */
  static final int INSTANT_PERCENT = 40;

  /** Of the closed cases of a tenant gaming closed_at_deadline, closed in the last hour. */
  static final int NEAR_DEADLINE_PERCENT = 50;

  /** Of the closed cases of a tenant gaming closed_at_rewritten, closed twice. */
  static final int REWRITTEN_PERCENT = 30;

  /** Of the last month's cases of a tenant gaming withdrawal_spike, withdrawn. */
  static final int WITHDRAWN_PERCENT = 30;

  FeedGaming {
    games = Map.copyOf(games);
    silent = Set.copyOf(silent);
    Objects.requireNonNull(lastMonth, "lastMonth");
  }

  boolean games(String tenant, QualityFlag flag) {
    return games.getOrDefault(tenant, Set.of()).contains(flag);
  }

  /** Whether {@code tenant} keeps silent at {@code received}. */
  boolean silentAt(String tenant, Instant received) {
    return silent.contains(tenant) && !received.isBefore(lastMonth);
  }

  boolean inLastMonth(Instant received) {
    return !received.isBefore(lastMonth);
  }

  /**
   * Parses {@code FLAG=TENANT[,TENANT…]} options ({@code instant_closing=330381,330522}) into the
   * flags of each tenant.
   */
  static Map<String, Set<QualityFlag>> parse(Iterable<String> options) {
    Map<String, Set<QualityFlag>> games = new java.util.TreeMap<>();
    for (String option : options) {
      int eq = option.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException(
            "--game takes FLAG=TENANT[,TENANT...], e.g. instant_closing=330381; got '"
                + option
                + "'");
      }
      QualityFlag flag = flag(option.substring(0, eq));
      for (String tenant : option.substring(eq + 1).split(",")) {
        if (!tenant.matches("\\d{6}")) {
          throw new IllegalArgumentException(
              "--game " + option + ": '" + tenant + "' is not a 6-digit tenant code");
        }
        games.computeIfAbsent(tenant, t -> EnumSet.noneOf(QualityFlag.class)).add(flag);
      }
    }
    return games;
  }

  private static QualityFlag flag(String name) {
    for (QualityFlag f : QualityFlag.values()) {
      if (f.wireName().equals(name)) {
        return f;
      }
    }
    StringBuilder known = new StringBuilder();
    for (QualityFlag f : QualityFlag.values()) {
      known.append(known.isEmpty() ? "" : ", ").append(f.wireName());
    }
    throw new IllegalArgumentException("--game: unknown flag '" + name + "'; one of " + known);
  }
}
