package io.liangshai.problems;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Groups cases whose descriptions state the same problem (举一反三, SPEC §9), the same way for the same
 * cases whatever order they come in.
 *
 * <ol>
 *   <li>Each description is segmented ({@link Segmenter}) and weighed by TF-IDF: {@code (1 + ln tf)
 *       · (ln((1 + N) / (1 + df)) + 1)} over the N cases that have words, L2-normalised.
 *   <li>A first pass in key order ({@code tenant/case_id}) puts each case into the group whose
 *       centroid (the sum of its members' vectors) is most similar by cosine, if that is at least
 *       {@link Settings#threshold}, else starts a group.
 *   <li>{@link Settings#rounds} rounds then move every case, all at once against the previous
 *       round's centroids (a case against its own group without itself), to its most similar group
 *       at or above the threshold, or alone — so the result hardly depends on the first pass's
 *       order, and not at all on the input's. Ties go to the group with the smallest first key.
 *   <li>Groups of at least {@link Settings#minCases} cases are kept; their key words are the {@link
 *       Settings#keywords} terms with the greatest weight in the centroid (ties by the term), their
 *       id the first 16 hex digits of the SHA-256 of their sorted keys.
 * </ol>
 *
 * Only words found in two cases or more can make two cases similar; words of one case count in its
 * vector's length only. Similarities are found through an inverted index from words to groups, so
 * the work grows with the cases times the groups sharing their words, not with all pairs.
 */
public final class ProblemGrouper {

  /**
   * @param threshold the least cosine between a case and a group's centroid for it to join
   * @param minCases the fewest cases of a reported group
   * @param keywords how many key words label a group
   * @param rounds reassignment rounds after the first pass
   */
  public record Settings(
      double threshold, double merge, double join, int minCases, int keywords, int rounds) {

    /** The settings measured in docs/methodology.md §15. */
    public static Settings defaults() {
      return new Settings(0.35, 0.06, 0.20, 3, 3, 3);
    }

    public Settings {
      if (!(threshold > 0 && threshold < 1)) {
        throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
      }
      if (!(merge > 0 && merge < 1)) {
        throw new IllegalArgumentException("merge must be in (0, 1), got " + merge);
      }
      if (!(join > 0 && join < 1)) {
        throw new IllegalArgumentException("join must be in (0, 1), got " + join);
      }
      if (minCases < 2) {
        throw new IllegalArgumentException("minCases must be at least 2, got " + minCases);
      }
      if (keywords < 1) {
        throw new IllegalArgumentException("keywords must be at least 1, got " + keywords);
      }
      if (rounds < 0) {
        throw new IllegalArgumentException("rounds must be at least 0, got " + rounds);
      }
    }
  }

  private final Segmenter segmenter;
  private final Settings settings;

  public ProblemGrouper(Segmenter segmenter, Settings settings) {
    this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The grouping with {@link Settings#defaults()}. */
  public ProblemGrouper() {
    this(new Segmenter(), Settings.defaults());
  }

  /** The groups of {@code cases} (keys unique), largest first, then by id. */
  public Grouping group(List<ProblemCase> cases) {
    List<ProblemCase> sorted = new ArrayList<>(cases);
    sorted.sort(Comparator.comparing(ProblemCase::key));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).key().equals(sorted.get(i - 1).key())) {
        throw new IllegalArgumentException("case " + sorted.get(i).key() + " comes twice");
      }
    }
    List<List<String>> words =
        sorted.parallelStream().map(c -> segmenter.words(c.description())).toList();
    Vocabulary vocabulary = Vocabulary.of(words);
    List<ProblemCase> docs = new ArrayList<>();
    List<Vector> vectors = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Vector v = vocabulary.vector(words.get(i));
      if (v != null) {
        docs.add(sorted.get(i));
        vectors.add(v);
      }
    }
    int[] assignment = firstPass(vectors);
    for (int r = 0; r < settings.rounds(); r++) {
      int[] next = reassign(vectors, assignment, settings.threshold());
      boolean same = Arrays.equals(next, assignment);
      assignment = next;
      if (same) {
        break;
      }
    }
    assignment = CentroidMerge.merge(vectors, assignment, settings.merge());
    assignment = reassign(vectors, assignment, settings.join());
    return result(vocabulary, docs, vectors, assignment);
  }

  private int[] firstPass(List<Vector> vectors) {
    int[] assignment = new int[vectors.size()];
    Centroids centroids = new Centroids();
    for (int d = 0; d < vectors.size(); d++) {
      Vector v = vectors.get(d);
      Map<Integer, Double> dots = centroids.dots(v);
      int best = -1;
      double bestCos = settings.threshold();
      for (Map.Entry<Integer, Double> e : dots.entrySet()) {
        double cos = e.getValue() / centroids.norm(e.getKey());
        if (cos >= bestCos && (cos > bestCos || best < 0 || e.getKey() < best)) {
          best = e.getKey();
          bestCos = cos;
        }
      }
      if (best < 0) {
        best = centroids.open();
      }
      centroids.add(best, v);
      assignment[d] = best;
    }
    return assignment;
  }

  /**
   * Every case to its most similar group of the given assignment (itself left out of its own), all
   * against the same centroids; groups numbered again by their first case.
   */
  private int[] reassign(List<Vector> vectors, int[] assignment, double threshold) {
    Centroids centroids = new Centroids();
    Map<Integer, Integer> index = new HashMap<>();
    for (int d = 0; d < vectors.size(); d++) {
      int g = index.computeIfAbsent(assignment[d], k -> centroids.open());
      centroids.add(g, vectors.get(d));
    }
    int[] own = new int[vectors.size()];
    for (int d = 0; d < vectors.size(); d++) {
      own[d] = index.get(assignment[d]);
    }
    int[] chosen = new int[vectors.size()];
    for (int d = 0; d < vectors.size(); d++) {
      Vector v = vectors.get(d);
      Map<Integer, Double> dots = centroids.dots(v);
      int best = -1;
      double bestCos = threshold;
      for (Map.Entry<Integer, Double> e : dots.entrySet()) {
        int g = e.getKey();
        double dot = e.getValue();
        double norm2 = centroids.norm2(g);
        if (g == own[d]) {
          // Its own group without it: s - v.
          double self = v.selfDot();
          norm2 = norm2 - 2 * dot + self;
          dot = dot - self;
          if (norm2 < 1e-9) {
            continue;
          }
        }
        double cos = dot / Math.sqrt(norm2);
        if (cos >= bestCos && (cos > bestCos || best < 0 || g < best)) {
          best = g;
          bestCos = cos;
        }
      }
      chosen[d] = best < 0 ? -1 - d : best;
    }
    // Renumber by first case, so that numbers (and the tie-break) follow key order.
    Map<Integer, Integer> renumber = new HashMap<>();
    int[] next = new int[chosen.length];
    for (int d = 0; d < chosen.length; d++) {
      next[d] = renumber.computeIfAbsent(chosen[d], k -> renumber.size());
    }
    return next;
  }

  private Grouping result(
      Vocabulary vocabulary, List<ProblemCase> docs, List<Vector> vectors, int[] assignment) {
    Map<Integer, List<Integer>> members = new TreeMap<>();
    for (int d = 0; d < assignment.length; d++) {
      members.computeIfAbsent(assignment[d], k -> new ArrayList<>()).add(d);
    }
    List<ProblemGroup> groups = new ArrayList<>();
    List<Map<Integer, Double>> centroids = new ArrayList<>();
    for (List<Integer> m : members.values()) {
      if (m.size() < settings.minCases()) {
        continue;
      }
      Map<Integer, Double> sum = new HashMap<>();
      List<ProblemCase> cases = new ArrayList<>();
      for (int d : m) {
        vectors.get(d).addTo(sum);
        cases.add(docs.get(d));
      }
      groups.add(new ProblemGroup(id(cases), keywords(vocabulary, sum), cases));
      centroids.add(sum);
    }
    Map<String, Map<Integer, Double>> byId = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      byId.put(groups.get(i).id(), centroids.get(i));
    }
    groups.sort(
        Comparator.comparingInt((ProblemGroup g) -> -g.cases().size())
            .thenComparing(ProblemGroup::id));
    return new Grouping(segmenter, vocabulary, settings.join(), groups, byId);
  }

  private List<String> keywords(Vocabulary vocabulary, Map<Integer, Double> sum) {
    return sum.entrySet().stream()
        .sorted(
            Comparator.comparingDouble((Map.Entry<Integer, Double> e) -> -e.getValue())
                .thenComparing(e -> vocabulary.term(e.getKey())))
        .limit(settings.keywords())
        .map(e -> vocabulary.term(e.getKey()))
        .toList();
  }

  static String id(List<ProblemCase> cases) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      cases.stream()
          .map(ProblemCase::key)
          .sorted()
          .forEach(k -> sha.update((k + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
