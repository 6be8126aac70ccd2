package io.liangshai.problems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Agglomerative merging of groups by the cosine of their centroids: the most similar pair first
 * (ties to the smaller numbers), the merged group's centroid the sum of both, until no pair of
 * groups of at least two cases reaches the threshold. Groups of one case take no part. The pairs
 * are found through an inverted index from words to groups, so only groups sharing a word are
 * compared.
 */
final class CentroidMerge {

  private record Pair(double cos, int a, int b, int versionA, int versionB) {}

  private CentroidMerge() {}

  /**
   * The assignment after merging: the group numbers of {@code assignment} (each case's group),
   * merged groups taking the smaller number.
   */
  static int[] merge(List<Vector> vectors, int[] assignment, double threshold) {
    Map<Integer, Map<Integer, Double>> sums = new HashMap<>();
    Map<Integer, Integer> sizes = new HashMap<>();
    for (int d = 0; d < assignment.length; d++) {
      vectors.get(d).addTo(sums.computeIfAbsent(assignment[d], k -> new HashMap<>()));
      sizes.merge(assignment[d], 1, Integer::sum);
    }
    TreeSet<Integer> live = new TreeSet<>();
    sizes.forEach(
        (g, n) -> {
          if (n >= 2) {
            live.add(g);
          }
        });
    Map<Integer, Double> norms = new HashMap<>();
    Map<Integer, List<Integer>> postings = new HashMap<>();
    Map<Integer, Integer> versions = new HashMap<>();
    for (int g : live) {
      norms.put(g, norm(sums.get(g)));
      versions.put(g, 0);
      for (int t : new TreeSet<>(sums.get(g).keySet())) {
        postings.computeIfAbsent(t, k -> new ArrayList<>()).add(g);
      }
    }
    PriorityQueue<Pair> queue =
        new PriorityQueue<>(
            (x, y) -> {
              int c = Double.compare(y.cos(), x.cos());
              if (c != 0) {
                return c;
              }
              c = Integer.compare(x.a(), y.a());
              return c != 0 ? c : Integer.compare(x.b(), y.b());
            });
    for (int g : live) {
      push(g, sums, norms, sizes, postings, live, versions, queue, threshold, true);
    }
    Map<Integer, Integer> mergedInto = new HashMap<>();
    while (!queue.isEmpty()) {
      Pair p = queue.poll();
      if (!live.contains(p.a())
          || !live.contains(p.b())
          || versions.get(p.a()) != p.versionA()
          || versions.get(p.b()) != p.versionB()) {
        continue;
      }
      Map<Integer, Double> a = sums.get(p.a());
      for (Map.Entry<Integer, Double> e : sums.get(p.b()).entrySet()) {
        if (!a.containsKey(e.getKey())) {
          postings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(p.a());
        }
        a.merge(e.getKey(), e.getValue(), Double::sum);
      }
      live.remove(p.b());
      mergedInto.put(p.b(), p.a());
      norms.put(p.a(), norm(a));
      sizes.merge(p.a(), sizes.get(p.b()), Integer::sum);
      versions.merge(p.a(), 1, Integer::sum);
      push(p.a(), sums, norms, sizes, postings, live, versions, queue, threshold, false);
    }
    int[] merged = new int[assignment.length];
    for (int d = 0; d < assignment.length; d++) {
      int g = assignment[d];
      while (mergedInto.containsKey(g)) {
        g = mergedInto.get(g);
      }
      merged[d] = g;
    }
    return merged;
  }

  /** The pairs of {@code g} with the live groups sharing a word with it (only later ones if so). */
  private static void push(
      int g,
      Map<Integer, Map<Integer, Double>> sums,
      Map<Integer, Double> norms,
      Map<Integer, Integer> sizes,
      Map<Integer, List<Integer>> postings,
      TreeSet<Integer> live,
      Map<Integer, Integer> versions,
      PriorityQueue<Pair> queue,
      double threshold,
      boolean laterOnly) {
    Map<Integer, Double> dots = new HashMap<>();
    for (Map.Entry<Integer, Double> e : sums.get(g).entrySet()) {
      for (int h : postings.getOrDefault(e.getKey(), List.of())) {
        if (h != g && live.contains(h) && (!laterOnly || h > g)) {
          dots.merge(h, e.getValue() * sums.get(h).get(e.getKey()), Double::sum);
        }
      }
    }
    for (Map.Entry<Integer, Double> e : dots.entrySet()) {
      int h = e.getKey();
      double cos = e.getValue() / (sizes.get(g) * (double) sizes.get(h));
      if (cos >= threshold) {
        int a = Math.min(g, h);
        int b = Math.max(g, h);
        queue.add(new Pair(cos, a, b, versions.get(a), versions.get(b)));
      }
    }
  }

  private static double norm(Map<Integer, Double> sum) {
    double s = 0;
    for (double x : sum.values()) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
