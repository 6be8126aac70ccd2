package io.liangshai.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemGrouperTest {

  private static final List<String> TENANTS =
      List.of("330102", "330106", "330381", "330522", "330604", "330782", "331002", "331121");

  private static final ProblemGrouper GROUPER = new ProblemGrouper();

  /** Mean best F1 over the planted problems, and how many best groups carry a key word. */
  private static double[] score(PlantedFeed feed, List<ProblemGroup> groups) {
    Map<String, Object[]> best = feed.bestGroups(groups);
    double meanF1 = 0;
    int labelled = 0;
    for (PlantedProblems.Problem p : PlantedProblems.PROBLEMS) {
      Object[] b = best.get(p.name());
      ProblemGroup g = (ProblemGroup) b[1];
      meanF1 += (double) b[0] / PlantedProblems.PROBLEMS.size();
      if (g != null && g.keywords().stream().anyMatch(p.keywords()::contains)) {
        labelled++;
      }
    }
    return new double[] {meanF1, labelled};
  }

  @ParameterizedTest
  @CsvSource({
    "7, 600, 150",
    "11, 1500, 400",
    "23, 120, 30",
    "31, 60, 20",
    "41, 300, 300",
    "43, 2000, 200"
  })
  void findsEveryPlantedProblemAndLabelsItWithItsWords(long seed, int planted, int oneOffs) {
    PlantedFeed feed = new PlantedFeed(seed, planted, oneOffs, TENANTS);

    List<ProblemGroup> groups = GROUPER.group(feed.cases).groups();

    double[] s = score(feed, groups);
    assertThat(s[0]).as("mean F1").isGreaterThanOrEqualTo(0.8);
    assertThat(s[1])
        .as("best groups labelled with a key word")
        .isGreaterThanOrEqualTo(Math.ceil(0.8 * PlantedProblems.PROBLEMS.size()));
  }

  @Test
  void keepsOneOffsOutOfThePlantedGroups() {
    PlantedFeed feed = new PlantedFeed(5, 600, 150, TENANTS);

    Map<String, Object[]> best = feed.bestGroups(GROUPER.group(feed.cases).groups());

    long oneOffsInBest = 0;
    for (Object[] b : best.values()) {
      oneOffsInBest +=
          ((ProblemGroup) b[1])
              .cases().stream().filter(c -> feed.topic.get(c.key()) == null).count();
    }
    assertThat(oneOffsInBest).isLessThanOrEqualTo(150 / 20);
  }

  @Test
  void givesTheSameGroupsWhateverTheOrderOfTheCases() {
    PlantedFeed feed = new PlantedFeed(3, 300, 80, TENANTS);
    List<ProblemCase> shuffled = new ArrayList<>(feed.cases);
    Collections.shuffle(shuffled, new Random(99));

    assertThat(GROUPER.group(shuffled).groups()).isEqualTo(GROUPER.group(feed.cases).groups());
  }

  @Test
  void keepsIdsWhileTheDataStandsAndChangesThemWhenAGroupsCasesDo() {
    PlantedFeed feed = new PlantedFeed(3, 300, 80, TENANTS);
    List<ProblemGroup> before = GROUPER.group(feed.cases).groups();
    List<ProblemCase> more = new ArrayList<>(feed.cases);
    more.add(new ProblemCase("330102", "NEW-1", "finance", "企业反映小微企业融资难，银行贷款门槛高。"));

    List<ProblemGroup> after = GROUPER.group(more).groups();

    assertThat(GROUPER.group(feed.cases).groups()).isEqualTo(before);
    ProblemGroup finance =
        after.stream()
            .filter(g -> g.cases().stream().anyMatch(c -> c.caseId().equals("NEW-1")))
            .findFirst()
            .orElseThrow();
    assertThat(finance.keywords()).containsAnyOf("融资", "贷款", "银行");
    assertThat(before).extracting(ProblemGroup::id).doesNotContain(finance.id());
    // Every other group keeps its id.
    List<String> unchanged =
        after.stream().filter(g -> g != finance).map(ProblemGroup::id).toList();
    assertThat(before).extracting(ProblemGroup::id).containsAll(unchanged);
    assertThat(finance.id()).isEqualTo(ProblemGrouper.id(finance.cases()));
  }

  @Test
  void reportsGroupsOfAtLeastThreeLargestFirstAndSkipsCasesWithoutWords() {
    List<ProblemCase> cases =
        List.of(
            new ProblemCase("330102", "A", "talent", "企业招工难，普工缺口大"),
            new ProblemCase("330106", "B", "talent", "来电反映招工难，熟练技工缺口大"),
            new ProblemCase("330381", "C", "talent", "旺季招工难，普工招聘困难"),
            new ProblemCase("330522", "D", "finance", "小微企业融资难，银行贷款难"),
            new ProblemCase("330604", "E", "finance", "融资难，银行贷款审批慢"),
            new ProblemCase("330604", "F", "general", null),
            new ProblemCase("330604", "G", "general", "企业反映，希望尽快解决。"));

    List<ProblemGroup> groups = GROUPER.group(cases).groups();

    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).cases())
        .extracting(ProblemCase::caseId)
        .containsExactly("A", "B", "C");
    assertThat(groups.get(0).tenants()).containsExactly("330102", "330106", "330381");
    assertThat(groups.get(0).categories()).containsExactly("talent");
    assertThat(groups.get(0).label()).contains("招工");
  }

  @Test
  void placesAnotherPeriodsCasesInTheGroupTheyResemble() {
    PlantedFeed now = new PlantedFeed(3, 300, 80, TENANTS);
    PlantedFeed before = new PlantedFeed(4, 150, 40, TENANTS);
    Grouping grouping = GROUPER.group(now.cases);

    Map<String, Integer> placed = grouping.place(before.cases);

    Map<String, Object[]> best = now.bestGroups(grouping.groups());
    for (PlantedProblems.Problem p : PlantedProblems.PROBLEMS) {
      ProblemGroup g = (ProblemGroup) best.get(p.name())[1];
      long planted = before.topic.values().stream().filter(p.name()::equals).count();
      assertThat(placed.get(g.id()))
          .as(p.name())
          .isBetween((int) (0.6 * planted), (int) (planted + 8));
    }
    assertThat(placed.keySet())
        .containsExactlyElementsOf(grouping.groups().stream().map(ProblemGroup::id).toList());
  }

  @Test
  void groupsTerseDescriptionsByTheirOneWordButNotACaseSharingOneWordAmongMany() {
    List<ProblemCase> cases =
        List.of(
            new ProblemCase("330102", "A", "finance", "企业反映融资难"),
            new ProblemCase("330106", "B", "finance", "企业反映融资难。"),
            new ProblemCase("330381", "C", "finance", "来电反映融资难"),
            new ProblemCase("330522", "D", "talent", "熟练技工招聘困难，企业融资渠道有限"),
            new ProblemCase("330604", "E", "talent", "普工缺口大，车间开工不足"));

    List<ProblemGroup> groups = GROUPER.group(cases).groups();

    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).cases())
        .extracting(ProblemCase::caseId)
        .containsExactly("A", "B", "C");
    assertThat(groups.get(0).label()).isEqualTo("融资");
  }

  @Test
  void refusesACaseTwiceAndBadSettings() {
    ProblemCase c = new ProblemCase("330102", "A", "talent", "招工难");
    assertThatThrownBy(() -> GROUPER.group(List.of(c, c)))
        .hasMessageContaining("330102/A comes twice");
    assertThatThrownBy(() -> new ProblemGrouper.Settings(0, 0.06, 0.15, 3, 3, 3))
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> new ProblemGrouper.Settings(0.3, 0.06, 0.15, 1, 3, 3))
        .hasMessageContaining("minCases");
  }
}
