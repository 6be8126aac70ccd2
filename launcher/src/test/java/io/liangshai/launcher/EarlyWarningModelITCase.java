package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.testing.Eventually;
import io.liangshai.tenants.TenantRegistryLoader;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned risk of SPEC §8 on the whole platform (local ClickHouse, the Flink job in a
 * MiniCluster, the API): a generated feed whose risk depends on the case ({@code generate
 * --risk-by-case}) is uploaded only up to a cutoff, the platform trains its model on it by itself,
 * and the list at the cutoff ranks the open cases that then really missed their deadline — the rest
 * of the feed says which — above those that did not, better than two naive rules computed here,
 * with probabilities better than the base rate's.
 */
class EarlyWarningModelITCase {

  static final String ADMIN_KEY = "admin-key-for-the-early-warning-itcase";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FROM = Instant.parse("2023-12-31T16:00:00Z");
  private static final Instant CUTOFF = FROM.plus(Duration.ofDays(45));

  @TempDir Path dataDir;

  @Test
  void theModelTrainedUpToACutoffRanksTheCasesThatThenMissedTheirDeadline() throws Exception {
    List<Map<String, Object>> feed = generate(5_000);
    List<Map<String, Object>> uploaded = new ArrayList<>();
    for (Map<String, Object> v : feed) {
      if (!instant(v, "updated_at").isAfter(CUTOFF)) {
        uploaded.add(v);
      }
    }
    try (Platform platform = LocalPlatform.start(dataDir, ADMIN_KEY)) {
      String url = platform.baseUrl();
      PlatformClient client = new PlatformClient(url);
      FeedUploader uploader = new FeedUploader(client, ADMIN_KEY);
      long began = System.nanoTime();
      List<String> ids = new ArrayList<>();
      for (FeedUploader.Batch b : uploader.batches(uploaded, 1, 2_000)) {
        ids.add(FeedUploader.send(client, b).get("batch_id").asText());
      }
      // One batch at a time: a hundred asked for together would pass the key's rate limit. A
      // training that began after the last batch was processed has read all of them.
      Instant processed = Instant.EPOCH;
      for (String id : ids) {
        Figures.awaitProcessed(url, ADMIN_KEY, List.of(id), Duration.ofMinutes(3));
        Instant at =
            Instant.parse(
                Figures.get(url, ADMIN_KEY, "/api/v1/batches/" + id).get("processed_at").asText());
        processed = at.isAfter(processed) ? at : processed;
      }
      Instant allProcessed = processed;
      System.out.printf(
          "uploaded %,d versions in %.1f s%n", uploaded.size(), (System.nanoTime() - began) / 1e9);

      JsonNode model =
          Eventually.within(
              Duration.ofMinutes(2),
              () -> Figures.get(url, ADMIN_KEY, "/api/v1/warnings/model"),
              m ->
                  m.get("cases").asLong() > 0
                      && !Instant.parse(m.get("trained_at").asText()).isBefore(allProcessed));
      System.out.printf(
          "model trained %.1f s after the feed was processed: %s%n",
          Duration.between(allProcessed, Instant.parse(model.get("trained_at").asText())).toMillis()
              / 1e3,
          model);
      assertThat(Instant.parse(model.get("trained_to").asText())).isBefore(CUTOFF);
      assertThat(model.get("brier").asDouble())
          .isLessThan(model.get("base_rate").asDouble() * (1 - model.get("base_rate").asDouble()));

      String asOf = URLEncoder.encode(CUTOFF.toString(), StandardCharsets.UTF_8);
      JsonNode rows =
          Figures.get(url, ADMIN_KEY, "/api/v1/warnings?tenant=330000&as_of=" + asOf).get("rows");
      judge(rows, finalVersions(feed), tenantShares(uploaded));
    }
  }

  /** The open cases not yet overdue at the cutoff, their risk against what then happened. */
  private static void judge(
      JsonNode rows, Map<String, Map<String, Object>> last, Map<String, Double> tenantShare) {
    List<double[]> scored = new ArrayList<>(); // risk, window used, tenant share, missed
    for (JsonNode r : rows) {
      assertThat(r.get("reasons").size()).isBetween(1, 3);
      if (r.get("state").asText().equals("overdue")) {
        assertThat(r.get("risk").asDouble()).isEqualTo(1.0);
        continue;
      }
      Map<String, Object> end =
          last.get(r.get("tenant").asText() + "/" + r.get("case_id").asText());
      if (end.get("status").equals("withdrawn")) {
        continue;
      }
      Instant deadline = Instant.parse(r.get("deadline").asText());
      Instant received = Instant.parse(r.get("received_at").asText());
      boolean missed =
          !end.get("status").equals("closed") || instant(end, "closed_at").isAfter(deadline);
      double used =
          (double) Duration.between(received, CUTOFF).toMillis()
              / Duration.between(received, deadline).toMillis();
      scored.add(
          new double[] {
            r.get("risk").asDouble(),
            used,
            tenantShare.getOrDefault(r.get("tenant").asText(), tenantShare.get("all")),
            missed ? 1 : 0
          });
    }
    double modelAuc = auc(scored, 0);
    double windowAuc = auc(scored, 1);
    double tenantAuc = auc(scored, 2);
    double p = scored.stream().mapToDouble(s -> s[3]).average().orElseThrow();
    double brier =
        scored.stream().mapToDouble(s -> (s[0] - s[3]) * (s[0] - s[3])).average().orElseThrow();
    System.out.printf(
        "%d open cases: AUC model %.3f, window used %.3f, tenant share %.3f; Brier %.4f, p(1-p)"
            + " %.4f%n",
        scored.size(), modelAuc, windowAuc, tenantAuc, brier, p * (1 - p));
    assertThat(scored.size()).isGreaterThan(300);
    assertThat(modelAuc).isGreaterThanOrEqualTo(0.65);
    assertThat(modelAuc).isGreaterThanOrEqualTo(Math.max(windowAuc, tenantAuc) + 0.03);
    assertThat(brier).isLessThan(p * (1 - p));
  }

  /** The share of (missed, met) pairs that column {@code c} orders right, ties half. */
  private static double auc(List<double[]> scored, int c) {
    double right = 0;
    long pairs = 0;
    for (double[] a : scored) {
      if (a[3] == 1) {
        for (double[] b : scored) {
          if (b[3] == 0) {
            pairs++;
            right += a[c] > b[c] ? 1 : a[c] == b[c] ? 0.5 : 0;
          }
        }
      }
    }
    return right / pairs;
  }

  /**
   * Each tenant's share of missed deadlines in the uploaded data, as known at the cutoff: of its
   * cases with a given deadline before the cutoff (not withdrawn), those closed after it or still
   * open; {@code "all"} for every tenant together.
   */
  private static Map<String, Double> tenantShares(List<Map<String, Object>> uploaded) {
    Map<String, int[]> counts = new HashMap<>();
    for (Map<String, Object> v : finalVersions(uploaded).values()) {
      if (v.get("deadline") == null
          || v.get("status").equals("withdrawn")
          || !instant(v, "deadline").isBefore(CUTOFF)) {
        continue;
      }
      boolean missed =
          !v.get("status").equals("closed")
              || instant(v, "closed_at").isAfter(instant(v, "deadline"));
      for (String t : List.of((String) v.get("tenant_code"), "all")) {
        int[] c = counts.computeIfAbsent(t, k -> new int[2]);
        c[0] += missed ? 1 : 0;
        c[1]++;
      }
    }
    Map<String, Double> shares = new HashMap<>();
    counts.forEach((t, c) -> shares.put(t, (double) c[0] / c[1]));
    return shares;
  }

  /** The newest version of each case, by tenant/case id. */
  private static Map<String, Map<String, Object>> finalVersions(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> last = new LinkedHashMap<>();
    for (Map<String, Object> v : rows) {
      last.merge(
          v.get("tenant_code") + "/" + v.get("case_id"),
          v,
          (a, b) -> instant(b, "updated_at").isAfter(instant(a, "updated_at")) ? b : a);
    }
    return last;
  }

  private static List<Map<String, Object>> generate(int cases) throws Exception {
    StringWriter out = new StringWriter();
    new FeedGenerator(TenantRegistryLoader.loadDefault(), 11, FROM, Duration.ofDays(60), true)
        .write(cases, out);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      rows.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {}));
    }
    return rows;
  }

  private static Instant instant(Map<String, Object> v, String field) {
    return OffsetDateTime.parse((String) v.get(field))
        .withOffsetSameInstant(ZoneOffset.UTC)
        .toInstant();
  }
}
