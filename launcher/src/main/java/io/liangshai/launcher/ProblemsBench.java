package io.liangshai.launcher;

import io.liangshai.problems.Grouping;
import io.liangshai.problems.PlantedProblems;
import io.liangshai.problems.ProblemCase;
import io.liangshai.problems.ProblemGroup;
import io.liangshai.problems.ProblemGrouper;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.tenants.TenantRegistryLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/liangshai bench problems}: how long the common problems' grouping (举一反三) takes for a
 * month of a province's cases — the descriptions {@code generate --common-problems} writes, over
 * every city and county — and how well it finds the planted problems (mean best F1).
 */
@Command(
    name = "problems",
    mixinStandardHelpOptions = true,
    description =
        "Groups a month of generated descriptions (举一反三); prints grouping time and quality.")
class ProblemsBench implements Callable<Integer> {

  @Option(names = "--cases", description = "cases in the month (default ${DEFAULT-VALUE})")
  int cases = 100_000;

  @Option(
      names = "--common-problems",
      description = "percent restating planted problems (default ${DEFAULT-VALUE})")
  int percent = 80;

  @Option(names = "--runs", description = "timed runs after one warm-up (default ${DEFAULT-VALUE})")
  int runs = 3;

  @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Override
  public Integer call() {
    List<Tenant> tenants =
        TenantRegistryLoader.loadDefault().all().stream()
            .filter(t -> t.level() != TenantLevel.PROVINCE)
            .toList();
    Random random = new Random(seed);
    List<ProblemCase> month = new ArrayList<>(cases);
    Map<String, String> topic = new HashMap<>();
    for (int i = 0; i < cases; i++) {
      Tenant t = tenants.get(random.nextInt(tenants.size()));
      PlantedTopic p = PlantedTopic.of(seed, i, percent);
      ProblemCase c = new ProblemCase(t.code(), "B-" + i, "general", p.description());
      month.add(c);
      topic.put(c.key(), p.problem() == null ? null : p.problem().name());
    }
    ProblemGrouper grouper = new ProblemGrouper();
    grouper.group(month.subList(0, Math.min(cases, 2_000)));
    System.out.println("| run | cases | groups | largest | grouping time | mean best F1 |");
    System.out.println("|---|---|---|---|---|---|");
    for (int r = 1; r <= runs; r++) {
      long began = System.nanoTime();
      Grouping g = grouper.group(month);
      double seconds = (System.nanoTime() - began) / 1e9;
      System.out.printf(
          "| %d | %,d | %d | %,d | %.1f s | %.3f |%n",
          r,
          cases,
          g.groups().size(),
          g.groups().isEmpty() ? 0 : g.groups().get(0).cases().size(),
          seconds,
          meanBestF1(g.groups(), topic));
    }
    return 0;
  }

  static double meanBestF1(List<ProblemGroup> groups, Map<String, String> topic) {
    double sum = 0;
    for (PlantedProblems.Problem p : PlantedProblems.PROBLEMS) {
      long size = topic.values().stream().filter(p.name()::equals).count();
      double best = 0;
      for (ProblemGroup g : groups) {
        long hits = g.cases().stream().filter(c -> p.name().equals(topic.get(c.key()))).count();
        if (hits > 0) {
          double precision = (double) hits / g.cases().size();
          double recall = (double) hits / size;
          best = Math.max(best, 2 * precision * recall / (precision + recall));
        }
      }
      sum += best;
    }
    return sum / PlantedProblems.PROBLEMS.size();
  }
}
