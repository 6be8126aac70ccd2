package io.liangshai.risk;

import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A row's reasons from the model itself: XGBoost's per-row contributions (TreeSHAP, in log-odds) of
 * each feature, the {@link #MAX} that raise the risk most named in a few words with the case's own
 * value. A case whose features all lower its risk says so.
 */
final class Reasons {

  /** The most reasons a row gets. */
  static final int MAX = 3;

  /** Contributions below this (log-odds) are noise, not a reason. */
  static final double MIN_CONTRIBUTION = 0.02;

  static final String NOTHING_ABOVE_USUAL = "no sign of risk above the usual";

  private Reasons() {}

  /** The reasons of the row {@code x} (from {@code offset}) with contributions {@code contrib}. */
  static List<String> of(float[] x, int offset, float[] contrib) {
    List<Integer> raising =
        IntStream.range(0, Features.COUNT)
            .filter(f -> contrib[f] >= MIN_CONTRIBUTION)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer f) -> -contrib[f]))
            .limit(MAX)
            .toList();
    List<String> words = new ArrayList<>();
    for (int f : raising) {
      words.add(describe(f, x[offset + f]));
    }
    if (words.isEmpty()) {
      words.add(NOTHING_ABOVE_USUAL);
    }
    return words;
  }

  static String describe(int feature, float v) {
    int n = Math.round(v);
    return switch (feature) {
      case Features.WINDOW_USED -> "deadline window " + (int) Math.floor(v * 100) + "% used";
      case Features.WORKING_DAYS_LEFT ->
          n <= 0 ? "due today" : n == 1 ? "1 working day left" : n + " working days left";
      case Features.WINDOW_WORKING_DAYS -> "deadline window of " + n + " working days";
      case Features.CATEGORY -> "category " + Category.values()[n].wireName();
      case Features.CHANNEL -> "channel " + Channel.values()[n].wireName();
      case Features.ESCALATION ->
          n == 0 ? "not escalated" : "escalated to " + EscalationLevel.values()[n].wireName();
      case Features.REASSIGNED ->
          n == 0 ? "never reassigned" : n == 1 ? "reassigned once" : "reassigned " + n + " times";
      case Features.LEADER -> n == 1 ? "leader instructed" : "no leader instruction";
      case Features.TENANT_SHARE -> "tenant's past overdue share " + Math.round(v * 100) + "%";
      default -> throw new IllegalArgumentException("no feature " + feature);
    };
  }
}
