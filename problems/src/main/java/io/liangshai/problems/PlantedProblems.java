package io.liangshai.problems;

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
      String name, List<String> keywords, List<String> phrasings, List<String> details) {}

  public static final List<Problem> PROBLEMS =
      List.of(
          new Problem(
              "用地指标",
              List.of("用地", "土地", "指标", "供地"),
              List.of(
                  "项目用地指标不足",
                  "新增建设用地指标迟迟批不下来",
                  "扩建厂房缺少用地指标",
                  "土地指标紧张导致项目无法落地",
                  "申请的工业用地指标一直没有落实",
                  "供地指标不够，项目用地难以保障"),
              List.of("项目开工受阻", "厂房扩建停滞", "投资计划被迫推迟", "新生产线无处安放")),
          new Problem(
              "电力增容",
              List.of("电力", "增容", "扩容", "用电", "供电", "变压器"),
              List.of(
                  "新上生产线需要电力增容",
                  "用电负荷增加申请增容一直未批",
                  "变压器容量不够，申请扩容进展缓慢",
                  "电力增容报装周期太长",
                  "供电容量不足，增容审批慢",
                  "专线用电扩容费用高、时间长"),
              List.of("设备无法满负荷运转", "夏季高峰经常限电", "新订单无法按期交付", "车间只能分批开工")),
          new Problem(
              "政策兑现慢",
              List.of("兑现", "补贴", "奖补", "政策", "资金"),
              List.of(
                  "惠企政策兑现太慢",
                  "去年申报的技改补贴至今没有兑现",
                  "奖补资金拖欠半年未到账",
                  "政策承诺的奖励资金迟迟不兑现",
                  "扶持资金兑现流程繁琐、到账慢",
                  "人才补贴申请后长期未兑现"),
              List.of("企业资金周转困难", "材料已多次补交", "审核环节多", "答复一直是在走流程")),
          new Problem(
              "融资难",
              List.of("融资", "贷款", "银行", "授信", "抵押"),
              List.of(
                  "小微企业融资难",
                  "银行贷款门槛高，要求足额抵押",
                  "申请贷款被拒，融资渠道少",
                  "授信额度被压缩，贷款续贷困难",
                  "缺少抵押物，银行不愿放贷",
                  "融资成本高，担保费用负担重"),
              List.of("流动资金紧张", "原材料采购受影响", "工资发放压力大", "扩产计划搁置")),
          new Problem(
              "招工难",
              List.of("招工", "用工", "招聘", "工人", "技工"),
              List.of(
                  "企业招工难，普工缺口大",
                  "熟练技工招聘困难",
                  "旺季用工紧张，招不到工人",
                  "一线工人流失严重，招聘跟不上",
                  "技术工人短缺，招工渠道有限",
                  "用工缺口较大，招聘会效果不好"),
              List.of("订单交付压力大", "生产线开工不足", "加班成本上升", "新员工留不住")),
          new Problem(
              "审批慢",
              List.of("审批", "环评", "许可", "手续"),
              List.of(
                  "项目环评审批时间长",
                  "施工许可办理手续繁琐",
                  "审批环节多，项目手续迟迟办不下来",
                  "环评批复一直没有下来",
                  "规划许可审批进度慢",
                  "消防审批和施工许可办理周期长"),
              List.of("工期一再拖延", "已多次补充材料", "跑了多个窗口", "项目建设被耽误")));

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

  private static String pick(List<String> items, Random random) {
    return items.get(random.nextInt(items.size()));
  }
}
