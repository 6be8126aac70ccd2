package io.liangshai.reports.render;

import io.liangshai.core.time.ChinaTime;
import io.liangshai.core.time.Period;
import io.liangshai.core.vocabulary.Vocabulary;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.CommonProblem;
import io.liangshai.reports.snapshot.OpenCases;
import io.liangshai.reports.snapshot.Wording;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The sections after 目标达成 as the bulletin template reads them: 预警 (open cases per deadline state)
 * and 举一反三 (common problems), each only when its snapshot holds it, then 说明 — numbered on from 五 as
 * many as there are.
 */
final class SectionsView {

  private static final String[] NUMERALS = {"六", "七", "八"};

  private SectionsView() {}

  static Map<String, Object> parameters(BulletinSnapshot s) {
    Map<String, Object> p = new HashMap<>();
    int next = 0;
    OpenCases open = s.openCases();
    if (open != null) {
      p.put("OPEN_HEADING", NUMERALS[next++] + "、预警情况");
      p.put("OPEN_NOTE", openNote(open));
      p.put("OPEN_CITY_ROWS", openRows(open.cities(), false));
      p.put("OPEN_COUNTY_ROWS", openRows(open.counties(), true));
      p.put("OPEN_COUNTY_TITLE", open.counties().isEmpty() ? null : "（二）县（市、区）");
    }
    List<CommonProblem> problems = s.commonProblems();
    if (problems != null) {
      p.put("PROBLEMS_HEADING", NUMERALS[next++] + "、举一反三·共性问题");
      p.put("PROBLEMS_NOTE", problemsNote(Period.parse(s.period()), problems));
      p.put("PROBLEM_ROWS", problemRows(problems));
    }
    p.put("METHODOLOGY_HEADING", NUMERALS[next] + "、说明");
    return p;
  }

  private static String openNote(OpenCases open) {
    long[] total = new long[3];
    open.cities()
        .forEach(
            r -> {
              total[0] += r.overdue();
              total[1] += r.dueSoon();
              total[2] += r.onTrack();
            });
    LocalDateTime at = LocalDateTime.ofInstant(Instant.parse(open.asOf()), ChinaTime.ZONE);
    return String.format(
        "截至%s %02d:%02d，全省未办结涉企问题%d件，其中%s%d件，%s%d件（剩余不超过%d个工作日），%s%d件。"
            + "设区市含所辖县（市、区），按%s、%s件数从多到少排列。",
        Wording.date(at.toLocalDate()),
        at.getHour(),
        at.getMinute(),
        total[0] + total[1] + total[2],
        state("overdue"),
        total[0],
        state("due_soon"),
        total[1],
        open.within(),
        state("on_track"),
        total[2],
        state("overdue"),
        state("due_soon"));
  }

  private static String state(String key) {
    return Vocabulary.term("deadline_state", key);
  }

  private static List<Map<String, ?>> openRows(List<OpenCases.Row> rows, boolean withCity) {
    List<Map<String, ?>> out = new ArrayList<>();
    int no = 0;
    for (OpenCases.Row r : rows) {
      Map<String, Object> m = new HashMap<>();
      m.put("no", Integer.toString(++no));
      m.put("name", withCity ? r.name() + "（" + r.cityName() + "）" : r.name());
      m.put("overdue", Display.count(r.overdue()));
      m.put("dueSoon", Display.count(r.dueSoon()));
      m.put("onTrack", Display.count(r.onTrack()));
      m.put("open", Display.count(r.open()));
      out.add(m);
    }
    return out;
  }

  private static String problemsNote(Period period, List<CommonProblem> problems) {
    if (problems.isEmpty()) {
      return Wording.period(period) + "未发现3件以上、描述相近的共性问题。";
    }
    return Wording.period(period)
        + "全省问题描述中反映相近问题的前"
        + problems.size()
        + "组（每组至少3件，按件数排列；关键词取自问题描述，不含企业名称和原文）。较上期：上一统计期中同类问题的件数之差。";
  }

  private static List<Map<String, ?>> problemRows(List<CommonProblem> problems) {
    List<Map<String, ?>> rows = new ArrayList<>();
    int no = 0;
    for (CommonProblem c : problems) {
      Map<String, Object> m = new HashMap<>();
      m.put("no", Integer.toString(++no));
      m.put("label", FontCoverage.printable(c.label()));
      m.put("cases", Integer.toString(c.cases()));
      m.put("tenants", Integer.toString(c.tenants().size()));
      StringJoiner categories = new StringJoiner("、");
      c.categories().forEach(k -> categories.add(Vocabulary.term("category", k)));
      m.put("categories", categories.toString());
      m.put("previous", Integer.toString(c.previous()));
      m.put("change", c.change() > 0 ? "+" + c.change() : Integer.toString(c.change()));
      rows.add(m);
    }
    return rows;
  }
}
