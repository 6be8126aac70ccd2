package io.liangshai.problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Cases with planted problems over several tenants, and the scores of a grouping of them. */
final class PlantedFeed {

  final List<ProblemCase> cases = new ArrayList<>();

  /** Case key → planted problem name, or {@code null} for a one-off. */
  final Map<String, String> topic = new LinkedHashMap<>();

  PlantedFeed(long seed, int planted, int oneOffs, List<String> tenants) {
    Random random = new Random(seed);
    String[] categories = {"project", "policy", "finance", "talent", "general"};
    for (int i = 0; i < planted + oneOffs; i++) {
      String tenant = tenants.get(random.nextInt(tenants.size()));
      String category = categories[random.nextInt(categories.length)];
      ProblemCase c;
      if (i < planted) {
        PlantedProblems.Problem p =
            PlantedProblems.PROBLEMS.get(random.nextInt(PlantedProblems.PROBLEMS.size()));
        c = new ProblemCase(tenant, "P" + i, category, PlantedProblems.describe(p, random));
        topic.put(c.key(), p.name());
      } else {
        c = new ProblemCase(tenant, "O" + i, category, PlantedProblems.oneOff(random));
        topic.put(c.key(), null);
      }
      cases.add(c);
    }
  }

  /** For each planted problem, the best F1 over case keys of any group, and that group. */
  Map<String, Object[]> bestGroups(List<ProblemGroup> groups) {
    Map<String, Object[]> best = new LinkedHashMap<>();
    for (PlantedProblems.Problem p : PlantedProblems.PROBLEMS) {
      long size = topic.values().stream().filter(p.name()::equals).count();
      double bestF1 = 0;
      ProblemGroup bestGroup = null;
      for (ProblemGroup g : groups) {
        long hits = g.cases().stream().filter(c -> p.name().equals(topic.get(c.key()))).count();
        double precision = (double) hits / g.cases().size();
        double recall = (double) hits / size;
        double f1 = hits == 0 ? 0 : 2 * precision * recall / (precision + recall);
        if (f1 > bestF1) {
          bestF1 = f1;
          bestGroup = g;
        }
      }
      best.put(p.name(), new Object[] {bestF1, bestGroup});
    }
    return best;
  }
}
