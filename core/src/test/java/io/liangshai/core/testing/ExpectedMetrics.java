package io.liangshai.core.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What SPEC §3 and §4 give for {@link SampleFeed}: {@code
 * fixtures/sample-feed-2024-01-02.expected.json}.
 */
public final class ExpectedMetrics {

  /** Classpath location of the expected results. */
  public static final String RESOURCE = "/fixtures/sample-feed-2024-01-02.expected.json";

  /**
   * A query time after every deadline in the feed, which the expected {@code overdue_open} assumes.
   */
  public static final Instant QUERY_TIME = Instant.parse("2025-01-01T00:00:00Z");

  private final Map<String, Map<String, Map<String, Number>>> metrics;
  private final Map<String, List<Map<String, Object>>> rankings;

  private ExpectedMetrics(
      Map<String, Map<String, Map<String, Number>>> metrics,
      Map<String, List<Map<String, Object>>> rankings) {
    this.metrics = metrics;
    this.rankings = rankings;
  }

  public static ExpectedMetrics load() {
    try (InputStream in = SampleFeed.open(RESOURCE)) {
      Raw raw = new ObjectMapper().readValue(in, new TypeReference<Raw>() {});
      return new ExpectedMetrics(raw.metrics, raw.rankings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The periods with expected metrics: {@code 2024-01}, {@code 2024-02}, {@code 2024-Q1}. */
  public Set<String> periods() {
    return metrics.keySet();
  }

  /** Tenant code → indicator wire name → count ({@link Long}/{@link Integer}) or rate (or null). */
  public Map<String, Map<String, Number>> metrics(String period) {
    Map<String, Map<String, Number>> byTenant = metrics.get(period);
    if (byTenant == null) {
      throw new IllegalArgumentException("no expected metrics for period " + period);
    }
    return byTenant;
  }

  /** The keys of the league tables, {@code period/group}, e.g. {@code 2024-01/counties}. */
  public Set<String> rankingKeys() {
    return rankings.keySet();
  }

  /** One league table's rows: {@code tenant}, {@code received}, {@code rank}, {@code score}. */
  public List<Map<String, Object>> ranking(String periodAndGroup) {
    List<Map<String, Object>> rows = rankings.get(periodAndGroup);
    if (rows == null) {
      throw new IllegalArgumentException("no expected ranking " + periodAndGroup);
    }
    return rows;
  }

  private static final class Raw {
    public Map<String, Map<String, Map<String, Number>>> metrics;
    public Map<String, List<Map<String, Object>>> rankings;
  }
}
