package io.liangshai.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Descriptions for generated feeds (the {@code generate} command, benchmarks and tests): planted
 * common problems, each restated in varied wording — several phrasings of the problem, details, and
 * the boilerplate of case texts around them — and one-off descriptions that state nothing another
 * case does. The key words of each problem are what a group's label should contain.
 */
public final class PlantedProblems {

  /** A planted problem: its name, the words a label of its group should contain, its phrasings. */
  public record Problem(
      String name, List<String> keywords, List<String> phrasings, List<String> details) {

    public Problem {
      if (name.isBlank() || keywords.isEmpty() || phrasings.isEmpty() || details.isEmpty()) {
        throw new IllegalArgumentException(
            "planted problem " + name + " needs keywords, phrasings and details");
      }
      keywords = List.copyOf(keywords);
      phrasings = List.copyOf(phrasings);
      details = List.copyOf(details);
    }
  }

  /** The planted problems, read from {@code planted-problems.txt} beside this class. */
  public static final List<Problem> PROBLEMS = parse(ShippedLines.of("planted-problems.txt"));

  private static final List<String> OPENINGS =
      List.of("", "企业反映", "来电人称", "该企业来电反映", "企业负责人来电表示", "经走访了解，", "企业通过好差评反映");
  private static final List<String> CLOSINGS =
      List.of("。", "，希望尽快协调解决。", "，要求相关部门给予答复。", "，请求帮助。", "，恳请政府部门关注。", "。");

  /** One-off matters: each a sentence no other planted problem shares words with. */
  private static final List<String> ONE_OFF_SUBJECTS =
      List.of(
          "门前道路井盖破损",
          "园区路灯夜间不亮",
          "厂区旁河道有异味",
          "快递网点占道经营",
          "商标被他人抢注",
          "出口报关单据填写有误",
          "办公楼电梯年检到期",
          "食堂油烟被邻居投诉",
          "公交站点离厂区太远",
          "宽带网络经常中断",
          "外籍员工签证续签",
          "展会摊位费退还",
          "员工子女入学报名",
          "垃圾清运不及时",
          "厂区周边噪音扰民",
          "社保缴费基数核定",
          "企业名称变更登记",
          "发票领用数量受限",
          "消防通道被车辆堵塞",
          "污水管网接驳",
          "知识产权质押登记",
          "跨境结算汇率损失",
          "特种设备检验预约",
          "危废处置单位难找",
          "职工宿舍水压低");

  private static final List<String> ONE_OFF_DETAILS =
      List.of(
          "已持续两周",
          "多次联系物业无果",
          "影响客户来访",
          "昨天刚刚发现",
          "邻近学校",
          "涉及三名员工",
          "对方态度冷淡",
          "周末尤其明显",
          "去年也发生过",
          "损失约两万元");

  private PlantedProblems() {}

  /** A description restating {@code problem} in a wording drawn from {@code random}. */
  public static String describe(Problem problem, Random random) {
    String phrase = pick(problem.phrasings(), random);
    String detail = random.nextInt(100) < 60 ? "，" + pick(problem.details(), random) : "";
    return pick(OPENINGS, random) + phrase + detail + pick(CLOSINGS, random);
  }

  /** A one-off description: a matter with its detail, wrapped in the same boilerplate. */
  public static String oneOff(Random random) {
    return pick(OPENINGS, random)
        + pick(ONE_OFF_SUBJECTS, random)
        + "，"
        + pick(ONE_OFF_DETAILS, random)
        + pick(CLOSINGS, random);
  }

  /**
   * Problems from lines {@code problem: NAME}, {@code keywords: W W…}, then any number of {@code
   * phrasing: …} and {@code detail: …}.
   */
  static List<Problem> parse(List<String> lines) {
    List<Problem> problems = new ArrayList<>();
    String name = null;
    List<String> keywords = List.of();
    List<String> phrasings = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("planted problem line without 'key:': " + line);
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "problem" -> {
          if (name != null) {
            problems.add(new Problem(name, keywords, phrasings, details));
          }
          name = value;
          keywords = List.of();
          phrasings = new ArrayList<>();
          details = new ArrayList<>();
        }
        case "keywords" -> keywords = List.of(value.split(" +"));
        case "phrasing" -> phrasings.add(value);
        case "detail" -> details.add(value);
        default -> throw new IllegalArgumentException("unknown planted problem key: " + line);
      }
    }
    if (name != null) {
      problems.add(new Problem(name, keywords, phrasings, details));
    }
    return List.copyOf(problems);
  }

  private static String pick(List<String> items, Random random) {
    return items.get(random.nextInt(items.size()));
  }
}
