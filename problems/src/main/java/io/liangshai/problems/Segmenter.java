package io.liangshai.problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Chinese case descriptions into words: Lucene's {@link SmartChineseAnalyzer} (an HMM segmenter
 * with its own dictionary) with its stop words (punctuation, function words) and the boilerplate of
 * case texts ({@code stopwords.txt}: 企业反映, 来电, 希望, 咨询, 要求…). Characters the dictionary leaves
 * single but adjacent are joined ({@code 用地}, {@code 增容}); a character alone and words with a digit
 * are dropped: in case texts they are particles, measure words and numbers, and they would join
 * descriptions that share nothing else. Thread-safe (a Lucene analyzer keeps one token stream per
 * thread).
 */
public final class Segmenter {

  private static final String STOP_WORDS = "stopwords.txt";

  private final Analyzer analyzer;
  private final Set<String> boilerplate;

  /** The analyzer with smartcn's stop words and the shipped boilerplate list. */
  public Segmenter() {
    this(shippedBoilerplate());
  }

  /** The analyzer with smartcn's stop words and {@code boilerplate}. */
  public Segmenter(Set<String> boilerplate) {
    this.boilerplate = Set.copyOf(Objects.requireNonNull(boilerplate, "boilerplate"));
    CharArraySet stop = CharArraySet.copy(SmartChineseAnalyzer.getDefaultStopSet());
    stop.addAll(this.boilerplate);
    this.analyzer = new SmartChineseAnalyzer(stop);
  }

  /** The boilerplate words this segmenter drops besides smartcn's own stop words. */
  public Set<String> boilerplate() {
    return boilerplate;
  }

  /** The words of {@code text} in order, repeated as often as they occur; empty for null. */
  public List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (TokenStream ts = analyzer.tokenStream("description", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      StringBuilder run = new StringBuilder();
      int runEnd = -1;
      while (ts.incrementToken()) {
        String w = term.toString();
        if (w.codePointCount(0, w.length()) == 1) {
          if (offset.startOffset() != runEnd) {
            flush(run, words);
          }
          run.append(w);
          runEnd = offset.endOffset();
        } else {
          flush(run, words);
          runEnd = -1;
          keep(w, words);
        }
      }
      flush(run, words);
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("segment a description", e);
    }
    return words;
  }

  /**
   * Adjacent characters smartcn's dictionary left alone (用 地, 增 容, 落 地) are a word of two
   * characters; a longer run gives its overlapping pairs.
   */
  private void flush(StringBuilder run, List<String> words) {
    int[] cps = run.codePoints().toArray();
    if (cps.length == 2) {
      keep(run.toString(), words);
    } else {
      for (int i = 0; i + 1 < cps.length; i++) {
        keep(new String(cps, i, 2), words);
      }
    }
    run.setLength(0);
  }

  private void keep(String w, List<String> words) {
    if (w.codePointCount(0, w.length()) >= 2 && !hasDigit(w) && !boilerplate.contains(w)) {
      words.add(w);
    }
  }

  private static boolean hasDigit(String w) {
    return w.chars().anyMatch(Character::isDigit);
  }

  private static Set<String> shippedBoilerplate() {
    return new TreeSet<>(ShippedLines.of(STOP_WORDS));
  }
}
