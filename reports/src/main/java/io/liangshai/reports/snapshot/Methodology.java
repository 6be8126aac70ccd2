package io.liangshai.reports.snapshot;

import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.SchemeIndicator;
import io.liangshai.core.time.ChinaTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The methodology footnote (说明) of a bulletin, in Chinese, with the scheme's weights, the periods
 * and the red/black list rule spelled out. It is part of the snapshot, so a bulletin keeps the
 * wording it was published with. docs/methodology.md says the same at length.
 */
final class Methodology {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy年M月d日HH:mm").withZone(ChinaTime.ZONE);

  private Methodology() {}

  /**
   * @param names the Chinese name of each indicator in force by code, for a scheme's indicators
   *     other than the built-in rates (8+X); a code without one is shown as itself
   */
  static List<String> paragraphs(
      Edition edition, List<GroupTable> groups, Map<String, String> names) {
    Scheme scheme = edition.scheme();
    List<String> p = new ArrayList<>();
    p.add(
        "数据口径：涉企问题件按受理时间归属统计期（北京时间），撤件不计入；设区市数据含所辖县（市、区），"
            + "全省数据为全部件合计，比率均由件数合计计算，不取平均。超期未办结件数截至本通报生成时（"
            + MINUTE.format(ZonedDateTime.ofInstant(edition.publishedAt(), ChinaTime.ZONE))
            + "）。");
    p.add(
        "评分方法：采用“"
            + scheme.name()
            + "”（"
            + scheme.id()
            + "@"
            + scheme.version()
            + "），"
            + weights(scheme, names)
            + "。受理量不足"
            + scheme.minimumVolume()
            + "件的地区列出但不参与排名。各指标在同组参评地区中按"
            + Wording.normalisation(scheme.normalisation())
            + "折算为0—100分，比率缺失的计0分；综合得分为各指标得分的加权平均，四舍五入保留两位小数；"
            + "得分相同的名次并列。");
    p.add(
        "名次变化：与上期（"
            + Wording.period(edition.period().previous())
            + "）按同一方案的名次比较，“↑”为上升、“↓”为下降、“—”为持平、“新”为上期未参与排名。");
    p.add(
        "信号：采用漏斗图法，以同组参评地区的合并比率 p0 为基准、该地区分母件数为 n，控制限为"
            + " p0 ± z·√(p0(1−p0)/n)。“优”表示优于95%控制限（显著优于组内水平），“警”表示劣于95%控制限（预警），"
            + "“报”表示劣于99.8%控制限（报警）；未标注的与组内水平无显著差异。");
    p.add(
        "红黑榜：每组取N名（参评地区少于"
            + RedBlackLists.LARGE_GROUP
            + "个的取3名，否则取5名，且不超过参评数的一半"
            + listSizes(groups)
            + "）。排名前N名、四项比率均无“警”“报”信号且至少一项为“优”的列入红榜；排名后N名、"
            + "至少一项比率为“警”或“报”的列入黑榜。名次靠前或靠后但与组内水平差异不显著的，不列入红黑榜。");
    p.add("“双闭环”异常：不满意件（评价为不满意、非常不满意）、超期未办结件、超时办结件、二次交办件、" + "领导批示件和提级办理件的件数。");
    p.add("本通报发布后内容不再改变；如需更正，另发新一期更正通报并注明所更正的期次。本通报不含企业名称及具体案件内容。");
    return p;
  }

  private static String weights(Scheme scheme, Map<String, String> names) {
    StringJoiner joiner = new StringJoiner("、");
    for (SchemeIndicator i : scheme.indicators()) {
      joiner.add(
          (i.isBuiltIn() ? Wording.rate(i.rate()) : names.getOrDefault(i.code(), i.code()))
              + "权重"
              + percent(i.weight() / scheme.totalWeight())
              + "（"
              + Wording.direction(i.direction())
              + "）");
    }
    return joiner.toString();
  }

  private static String listSizes(List<GroupTable> groups) {
    StringJoiner joiner = new StringJoiner("，", "；本期", "");
    for (GroupTable g : groups) {
      joiner.add(g.label() + "N=" + g.listSize());
    }
    return joiner.toString();
  }

  private static String percent(double share) {
    double p = Math.round(share * 1000) / 10.0;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
  }
}
