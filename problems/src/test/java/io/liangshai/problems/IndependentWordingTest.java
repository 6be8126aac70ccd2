package io.liangshai.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Problems that {@link PlantedProblems} does not plant, in wordings written apart from it (so the
 * settings are not fitted to the generator's phrasings), with other boilerplate and other one-off
 * matters, over 60 tenants.
 */
class IndependentWordingTest {

  private static final Map<String, List<String>> PROBLEMS = new LinkedHashMap<>();

  static {
    PROBLEMS.put(
        "物流",
        List.of(
            "物流运输成本高，运费上涨明显",
            "货运车辆进城受限，物流配送困难",
            "园区缺少物流仓储设施，货物周转慢",
            "快递物流费用高，运输成本压力大",
            "物流通道不畅，原材料运输时间长",
            "希望降低物流成本，运费负担太重"));
    PROBLEMS.put(
        "排污",
        List.of(
            "排污许可证申领流程复杂",
            "污水排放指标不够，排污许可办不下来",
            "环保排污许可审批周期长",
            "排污总量指标紧张影响扩产",
            "申请排污许可证材料反复补正",
            "排污权交易价格高，排放指标难买"));
    PROBLEMS.put(
        "人才",
        List.of(
            "高层次人才引进落户难",
            "引进人才住房补贴申请不到",
            "人才公寓数量少，引进人才留不住",
            "研发人才短缺，人才引进政策不清楚",
            "人才子女入学难，影响人才引进",
            "人才认定标准高，引进人才享受不到待遇"));
    PROBLEMS.put(
        "拖欠",
        List.of(
            "政府项目工程款长期拖欠",
            "国企拖欠货款一年多未支付",
            "工程款被拖欠，企业资金链紧张",
            "拖欠账款催讨无果，中小企业款项难收回",
            "政府采购项目尾款拖欠",
            "账款拖欠严重，回款周期长"));
    PROBLEMS.put(
        "网络",
        List.of(
            "厂区5G网络信号差",
            "园区宽带网速慢，网络经常中断",
            "网络带宽不足影响远程办公",
            "信号基站覆盖不到，网络信号弱",
            "光纤网络迟迟不能接入",
            "网络资费高，带宽升级慢"));
  }

  private static final List<String> OPENINGS =
      List.of("", "企业反映", "来电反映", "企业负责人称", "该公司表示", "经走访，");
  private static final List<String> CLOSINGS = List.of("。", "，请予协调。", "，望尽快解决。", "，盼回复。", "");
  private static final List<String> ONE_OFFS =
      List.of(
          "办公室空调坏了",
          "门口停车位不够",
          "食堂饭菜价格偏高",
          "周边没有便利店",
          "员工通勤班车停运",
          "厂区绿化带被破坏",
          "会议室投影仪需维修",
          "园区公厕卫生差");

  @ParameterizedTest
  @CsvSource({"1, 300", "2, 1000", "3, 100"})
  void findsProblemsItWasNotTunedOn(long seed, int n) {
    Random r = new Random(seed);
    List<ProblemCase> cases = new ArrayList<>();
    Map<String, String> topic = new HashMap<>();
    List<String> names = List.copyOf(PROBLEMS.keySet());
    for (int i = 0; i < n; i++) {
      String tenant = "33" + (1000 + r.nextInt(60));
      String name = null;
      String text;
      if (r.nextInt(100) < 80) {
        name = names.get(r.nextInt(names.size()));
        text = pick(OPENINGS, r) + pick(PROBLEMS.get(name), r) + pick(CLOSINGS, r);
      } else {
        text =
            pick(OPENINGS, r)
                + pick(ONE_OFFS, r)
                + "，已有"
                + (1 + r.nextInt(9))
                + "天"
                + pick(CLOSINGS, r);
      }
      ProblemCase c = new ProblemCase(tenant, "C" + i, "general", text);
      cases.add(c);
      topic.put(c.key(), name);
    }

    List<ProblemGroup> groups = new ProblemGrouper().group(cases).groups();

    double mean = 0;
    for (String name : names) {
      long size = topic.values().stream().filter(name::equals).count();
      double best = 0;
      ProblemGroup bestGroup = null;
      for (ProblemGroup g : groups) {
        long hits = g.cases().stream().filter(c -> name.equals(topic.get(c.key()))).count();
        if (hits > 0) {
          double p = (double) hits / g.cases().size();
          double rec = (double) hits / size;
          double f1 = 2 * p * rec / (p + rec);
          if (f1 > best) {
            best = f1;
            bestGroup = g;
          }
        }
      }
      mean += best / names.size();
      assertThat(bestGroup).as(name).isNotNull();
      assertThat(bestGroup.label()).as("label of " + name).contains(name);
    }
    assertThat(mean).isGreaterThanOrEqualTo(0.85);
  }

  private static String pick(List<String> items, Random r) {
    return items.get(r.nextInt(items.size()));
  }
}
