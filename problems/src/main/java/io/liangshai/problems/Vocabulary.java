package io.liangshai.problems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The words of one set of descriptions with their document frequencies, numbered in code-point
 * order (so numbers do not depend on the order of the cases), and their TF-IDF vectors.
 */
final class Vocabulary {

  /** The fewest words shared with other descriptions that a description needs to be grouped. */
  static final int MIN_SHARED_WORDS = 2;

  private final Map<String, Integer> ids;
  private final List<String> terms;
  private final int[] df;
  private final int documents;

  private Vocabulary(Map<String, Integer> ids, List<String> terms, int[] df, int documents) {
    this.ids = ids;
    this.terms = terms;
    this.df = df;
    this.documents = documents;
  }

  static Vocabulary of(List<List<String>> words) {
    Map<String, Integer> counts = new TreeMap<>();
    int documents = 0;
    for (List<String> w : words) {
      if (!w.isEmpty()) {
        documents++;
      }
      for (String t : new HashSet<>(w)) {
        counts.merge(t, 1, Integer::sum);
      }
    }
    Map<String, Integer> ids = new HashMap<>();
    List<String> terms = new ArrayList<>(counts.keySet());
    int[] df = new int[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      ids.put(terms.get(i), i);
      df[i] = counts.get(terms.get(i));
    }
    return new Vocabulary(ids, terms, df, documents);
  }

  String term(int id) {
    return terms.get(id);
  }

  private double idf(int df) {
    return Math.log((1.0 + documents) / (1.0 + df)) + 1;
  }

  /**
   * The L2-normalised TF-IDF vector of {@code words} over the words of at least two of this
   * vocabulary's descriptions (a word of one description says nothing another shares: left out, as
   * a minimum document frequency of 2); null when none is left, or when fewer than {@link
   * #MIN_SHARED_WORDS} are left of a description that says more: one shared word among several (渠道
   * in 熟练技工招聘困难，招工渠道有限) is too little to say two cases state one problem, while a description that
   * says only that word (企业反映融资难 → 融资) is grouped by it.
   */
  Vector vector(List<String> words) {
    if (words.isEmpty()) {
      return null;
    }
    Map<String, Integer> tf = new TreeMap<>();
    words.forEach(w -> tf.merge(w, 1, Integer::sum));
    double norm2 = 0;
    TreeMap<Integer, Double> shared = new TreeMap<>();
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      Integer id = ids.get(e.getKey());
      int f = id == null ? 0 : df[id];
      if (f >= 2) {
        double w = (1 + Math.log(e.getValue())) * idf(f);
        norm2 += w * w;
        shared.put(id, w);
      }
    }
    if (shared.size() < MIN_SHARED_WORDS && shared.size() < tf.size()) {
      return null;
    }
    double norm = Math.sqrt(norm2);
    int[] t = new int[shared.size()];
    double[] w = new double[shared.size()];
    int i = 0;
    for (Map.Entry<Integer, Double> e : shared.entrySet()) {
      t[i] = e.getKey();
      w[i] = e.getValue() / norm;
      i++;
    }
    return new Vector(t, w);
  }

  /** The distinct words of the vocabulary, for tests. */
  TreeSet<String> words() {
    return new TreeSet<>(terms);
  }
}
