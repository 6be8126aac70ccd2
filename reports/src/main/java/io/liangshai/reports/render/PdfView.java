package io.liangshai.reports.render;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.time.ChinaTime;
import io.liangshai.core.time.Period;
import io.liangshai.reports.snapshot.AnomalyTable;
import io.liangshai.reports.snapshot.AnomalyTable.AnomalyRow;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.Figures;
import io.liangshai.reports.snapshot.GroupTable;
import io.liangshai.reports.snapshot.ListEntry;
import io.liangshai.reports.snapshot.TargetShortfall;
import io.liangshai.reports.snapshot.Wording;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A snapshot as the bulletin template reads it: report parameters and one row map per peer group,
 * every value already display text (see bulletin.jrxml for the names).
 */
final class PdfView {

  /** The counts an anomaly row shows, by their field names in {@code anomalies.jrxml}. */
  private static final Map<String, ToLongFunction<AnomalyRow>> ANOMALY_COUNTS =
      Map.ofEntries(
          Map.entry("received", AnomalyRow::received),
          Map.entry("dissatisfied", AnomalyRow::dissatisfied),
          Map.entry("overdueOpen", AnomalyRow::overdueOpen),
          Map.entry("overdueClosed", AnomalyRow::overdueClosed),
          Map.entry("reassigned", AnomalyRow::reassigned),
          Map.entry("leaderInstructed", AnomalyRow::leaderInstructed),
          Map.entry("escalated", AnomalyRow::escalated));

  private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

  private PdfView() {}

  static Map<String, Object> parameters(BulletinSnapshot s) {
    Period period = Period.parse(s.period());
    Figures f = s.provinceFigures();
    Map<String, Object> p = new HashMap<>();
    p.put("TITLE", s.title());
    p.put("ISSUE_LINE", Wording.period(period) + "　第" + s.issueNo() + "期");
    p.put("CORRECTION", correction(s));
    p.put("ISSUER", Wording.issuer(s.provinceName()));
    p.put(
        "DATE", Wording.date(LocalDate.ofInstant(Instant.parse(s.publishedAt()), ChinaTime.ZONE)));
    p.put("BULLETIN_ID", s.id());
    p.put("SUMMARY", summary(Wording.period(period), f));
    p.put("ANOMALY_SUMMARY", anomalySummary(f));
    p.put("FIG_RECEIVED", Display.count(f.received()));
    p.put("FIG_CLOSED", Display.count(f.closed()));
    p.put("FIG_RESOLUTION", Display.rate(f.resolutionRate()));
    p.put("FIG_OVERDUE", Display.rate(f.overdueRate()));
    p.put("FIG_RECURRENCE", Display.rate(f.recurrenceRate()));
    p.put("FIG_SATISFACTION", Display.rate(f.satisfactionRate()));
    p.put("RED_BLACK_ROWS", redBlack(s.groups()));
    for (AnomalyTable table : s.anomalies()) {
      String key = "city".equals(table.level()) ? "ANOMALY_CITY" : "ANOMALY_COUNTY";
      p.put(key + "_TITLE", "（" + numeral(s.anomalies().indexOf(table)) + "）" + table.label());
      p.put(key + "_ROWS", anomalies(table));
    }
    p.put("METHODOLOGY", methodology(s.methodology()));
    p.put("TARGETS", targets(s.targets()));
    return p;
  }

  /**
   * 目标达成: one paragraph per group and indicator with a target, naming every member below it with
   * its value, worst first.
   */
  static String targets(List<TargetShortfall> lines) {
    return joined(lines, "本期评价方案的指标均未设目标值。", "\n", PdfView::target);
  }

  private static String target(TargetShortfall t) {
    StringBuilder line =
        new StringBuilder()
            .append(t.groupLabel())
            .append(" · ")
            .append(t.name())
            .append("（目标")
            .append("lower_better".equals(t.direction()) ? "≤" : "≥")
            .append(value(t.unit(), t.target()))
            .append("）：");
    if (t.below().isEmpty()) {
      line.append(t.judged()).append("个有数据的地区均达标。");
    } else {
      StringJoiner names = new StringJoiner("、");
      t.below().forEach(b -> names.add(b.name() + "（" + value(t.unit(), b.value()) + "）"));
      line.append(t.judged())
          .append("个有数据的地区中")
          .append(t.below().size())
          .append("个未达标：")
          .append(names)
          .append("。");
    }
    return line.toString();
  }

  private static String value(String unit, BigDecimal value) {
    return switch (unit) {
      case "rate" -> Display.rate(value.doubleValue());
      case "days" -> Display.days(value);
      default -> Display.bare(value);
    };
  }

  private static String correction(BulletinSnapshot s) {
    if (s.corrects() == null) {
      return null;
    }
    return "更正通报：本期更正第" + s.corrects().issueNo() + "期（编号 " + s.corrects().id() + "），以本期为准。";
  }

  private static String summary(String period, Figures f) {
    return period
        + "，全省共受理涉企问题"
        + f.received()
        + "件，办结"
        + f.closed()
        + "件，办结率"
        + Display.rate(f.resolutionRate())
        + "；超时办结"
        + f.overdueClosed()
        + "件，超时办结率"
        + Display.rate(f.overdueRate())
        + "；重发复发"
        + f.recurrences()
        + "件，重发复发率"
        + Display.rate(f.recurrenceRate())
        + "；参与评价"
        + f.rated()
        + "件，满意"
        + f.satisfied()
        + "件，满意率"
        + Display.rate(f.satisfactionRate())
        + "。";
  }

  private static String anomalySummary(Figures f) {
    return "“双闭环”异常：不满意"
        + f.dissatisfied()
        + "件，超期未办结"
        + f.overdueOpen()
        + "件，超时办结"
        + f.overdueClosed()
        + "件，二次交办"
        + f.reassigned()
        + "件，领导批示"
        + f.leaderInstructed()
        + "件，提级办理"
        + f.escalated()
        + "件。";
  }

  private static List<Map<String, ?>> redBlack(List<GroupTable> groups) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (GroupTable g : groups) {
      rows.add(Map.of("group", g.label(), "red", names(g.red()), "black", names(g.black())));
    }
    return rows;
  }

  /** 杭州市（第1名，满意优）、… or 无. */
  static String names(List<ListEntry> entries) {
    return joined(entries, "无", "、", PdfView::named);
  }

  /** What {@code f} makes of {@code items}, joined by {@code sep}; {@code none} if none. */
  private static <T> String joined(List<T> items, String none, String sep, Function<T, String> f) {
    return items.isEmpty() ? none : items.stream().map(f).collect(Collectors.joining(sep));
  }

  private static String named(ListEntry e) {
    StringJoiner why = new StringJoiner("、");
    for (String evidence : e.evidence()) {
      String[] parts = evidence.split(":");
      String mark =
          switch (parts[1]) {
            case "above" -> "优";
            case "below" -> "警";
            default -> "报";
          };
      why.add(Wording.shortRate(Indicator.byWireName(parts[0]).orElseThrow()) + mark);
    }
    return e.name() + "（第" + e.rank() + "名，" + why + "）";
  }

  private static List<Map<String, ?>> anomalies(AnomalyTable table) {
    List<Map<String, ?>> rows = new ArrayList<>();
    int no = 0;
    for (AnomalyRow r : table.rows()) {
      Map<String, Object> m = new HashMap<>();
      m.put("no", Integer.toString(++no));
      m.put("name", r.name());
      ANOMALY_COUNTS.forEach((field, count) -> m.put(field, Display.count(count.applyAsLong(r))));
      rows.add(m);
    }
    return rows;
  }

  private static String methodology(List<String> paragraphs) {
    return IntStream.range(0, paragraphs.size())
        .mapToObj(i -> (i + 1) + ". " + paragraphs.get(i))
        .collect(Collectors.joining("\n"));
  }

  static String numeral(int index) {
    return index < NUMERALS.length ? NUMERALS[index] : Integer.toString(index + 1);
  }
}
