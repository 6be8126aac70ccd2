package io.liangshai.reports.render;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.reports.snapshot.IndicatorCell;
import io.liangshai.reports.snapshot.TableRow;
import io.liangshai.reports.snapshot.Wording;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** How figures read in a bulletin: rates as 95.2%, scores with 2 decimals, ↑↓ for rank changes. */
final class Display {

  /** Shown where a value is undefined. */
  static final String NONE = "—";

  private Display() {}

  /** A rate as a percentage with one decimal, or — when undefined. */
  static String rate(Double rate) {
    return rate == null ? NONE : String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  /**
   * A defined indicator's value as the page shows it (SPEC §7): a ratio in percent, a mean handling
   * time with two decimals and 天, a bare reported value with at most four decimals; — when none.
   */
  static String indicator(IndicatorCell cell) {
    if (cell.value() == null) {
      return NONE;
    }
    if (cell.ratio()) {
      return rate((double) cell.numerator() / cell.denominator());
    }
    return cell.meanDays() ? days(cell.value()) : bare(cell.value());
  }

  /** Mean days with two decimals, e.g. 3.25天. */
  static String days(BigDecimal days) {
    return days.setScale(2, RoundingMode.HALF_UP).toPlainString() + "天";
  }

  /** A bare value with at most four decimals and no trailing zeros. */
  static String bare(BigDecimal value) {
    return value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  static String count(long count) {
    return Long.toString(count);
  }

  /** A score with exactly two decimals, or — when not ranked. */
  static String score(BigDecimal score) {
    return score == null ? NONE : score.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  static String rank(Integer rank) {
    return rank == null ? NONE : rank.toString();
  }

  /** ↑n, ↓n, — (unchanged), 新 (no previous rank), or empty when not ranked now. */
  static String change(TableRow row) {
    if (!row.ranked()) {
      return "";
    }
    if (row.previousRank() == null) {
      return "新";
    }
    int change = row.rankChange();
    return change > 0 ? "↑" + change : change < 0 ? "↓" + (-change) : NONE;
  }

  /** {@link #change} coloured for the PDF: rises red, falls green (the Chinese convention). */
  static String styledChange(TableRow row) {
    String text = change(row);
    if (text.startsWith("↑")) {
      return "<style forecolor=\"#C00000\">" + text + "</style>";
    }
    if (text.startsWith("↓")) {
      return "<style forecolor=\"#1E7B34\">" + text + "</style>";
    }
    return text;
  }

  /** The non-trivial funnel signals of a row, e.g. 满意优 超时警; the reason when it is unranked. */
  static String signals(TableRow row, boolean styled) {
    if (!row.ranked()) {
      return unranked(row);
    }
    StringJoiner joiner = new StringJoiner(" ");
    for (Map.Entry<String, String> e : row.signals().entrySet()) {
      String mark =
          switch (e.getValue()) {
            case "above" -> "优";
            case "below" -> "警";
            case "alarm" -> "报";
            default -> null;
          };
      if (mark != null) {
        String rate = Wording.shortRate(Indicator.byWireName(e.getKey()).orElseThrow());
        joiner.add(rate + (styled ? styledMark(mark) : mark));
      }
    }
    return joiner.toString();
  }

  private static String styledMark(String mark) {
    return switch (mark) {
      case "优" -> "<style forecolor=\"#1E7B34\" isBold=\"true\">优</style>";
      case "警" -> "<style forecolor=\"#C55A11\" isBold=\"true\">警</style>";
      default -> "<style forecolor=\"#C00000\" isBold=\"true\">报</style>";
    };
  }

  /** 受理不足20件 for {@code received 12 < minimum 20}; the raw reason otherwise. */
  static String unranked(TableRow row) {
    String reason = row.ineligibleReason();
    if (reason != null && reason.startsWith("received ") && reason.contains("< minimum ")) {
      return "受理不足" + reason.substring(reason.indexOf("< minimum ") + 10) + "件，不排名";
    }
    return reason == null ? "不排名" : reason;
  }

  /** Text for a styled text field: the markup characters escaped. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
