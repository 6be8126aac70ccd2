package io.liangshai.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The groups of one set of cases, and what places other cases (another period's) among them: the
 * same words, weights and threshold.
 */
public final class Grouping {

  private final Segmenter segmenter;
  private final Vocabulary vocabulary;
  private final double threshold;
  private final List<ProblemGroup> groups;
  private final Map<String, Map<Integer, Double>> centroids;

  Grouping(
      Segmenter segmenter,
      Vocabulary vocabulary,
      double threshold,
      List<ProblemGroup> groups,
      Map<String, Map<Integer, Double>> centroids) {
    this.segmenter = segmenter;
    this.vocabulary = vocabulary;
    this.threshold = threshold;
    this.groups = List.copyOf(groups);
    this.centroids = centroids;
  }

  /** The groups, largest first, then by id. */
  public List<ProblemGroup> groups() {
    return groups;
  }

  /** The group with this id, if any. */
  public java.util.Optional<ProblemGroup> group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /**
   * How many of {@code others} each group would hold: each case counts for the group whose centroid
   * is most similar to it (weighed with this grouping's words), if at least the threshold (ties to
   * the larger group, then the smaller id). Every group's id is a key, 0 when none.
   */
  public Map<String, Integer> place(List<ProblemCase> others) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    groups.forEach(g -> counts.put(g.id(), 0));
    Map<String, Double> norms = new LinkedHashMap<>();
    centroids.forEach(
        (id, sum) -> norms.put(id, Math.sqrt(sum.values().stream().mapToDouble(x -> x * x).sum())));
    for (ProblemCase c : Objects.requireNonNull(others, "others")) {
      Vector v = vocabulary.vector(segmenter.words(c.description()));
      if (v == null) {
        continue;
      }
      String best = null;
      double bestCos = threshold;
      for (ProblemGroup g : groups) {
        double cos = v.dot(centroids.get(g.id())) / norms.get(g.id());
        if (cos > bestCos || (best == null && cos >= bestCos)) {
          best = g.id();
          bestCos = cos;
        }
      }
      if (best != null) {
        counts.merge(best, 1, Integer::sum);
      }
    }
    return counts;
  }
}
