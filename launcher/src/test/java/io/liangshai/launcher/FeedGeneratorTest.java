package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.record.ValidationResult;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeedGeneratorTest {

  private static final TenantRegistry REGISTRY = TenantRegistryLoader.loadDefault();

  @Test
  void writesValidRecordsWithVersionsDuplicatesAndRecurrences() throws Exception {
    StringWriter out = new StringWriter();
    long lines =
        new FeedGenerator(REGISTRY, 7, Instant.parse("2024-01-01T00:00:00Z"), Duration.ofDays(60))
            .write(3_000, out);
    String[] text = out.toString().split("\n");
    assertThat(text).hasSize((int) lines);

    CaseRecordValidator validator =
        new CaseRecordValidator(
            TenantScope.knownTenants(
                REGISTRY.all().stream().map(Tenant::code).collect(Collectors.toSet())));
    ObjectMapper json = new ObjectMapper();
    List<CaseRecord> records = new ArrayList<>();
    for (int i = 0; i < text.length; i++) {
      ValidationResult r =
          validator.validate(
              json.readValue(text[i], new TypeReference<LinkedHashMap<String, Object>>() {}),
              i + 1);
      assertThat(r.errors()).as("line %d: %s", i + 1, text[i]).isEmpty();
      records.add(r.record());
    }
    Set<String> distinctLines = new HashSet<>(List.of(text));
    assertThat(distinctLines.size()).as("some lines are exact duplicates").isLessThan(text.length);
    long cases = records.stream().map(CaseRecord::key).distinct().count();
    assertThat(cases).isEqualTo(3_000);
    assertThat(distinctLines.size()).as("several versions per case").isGreaterThan(6_000);

    var figures =
        new ReferenceCalculator(REGISTRY.hierarchy())
            .compute(
                records.stream(),
                List.of(PeriodKind.QUARTER),
                Instant.parse("2025-01-01T00:00:00Z"));
    var province = figures.values().iterator().next().get("330000");
    assertThat(province.counts().recurrences()).as("enterprises come back").isPositive();
    assertThat(province.counts().overdueClosed()).as("some closings are late").isPositive();
    assertThat(province.resolutionRate()).isBetween(0.6, 0.95);
  }

  @Test
  void theSameSeedWritesTheSameFeed() throws Exception {
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    new FeedGenerator(REGISTRY, 3, from, Duration.ofDays(30)).write(500, a);
    new FeedGenerator(REGISTRY, 3, from, Duration.ofDays(30)).write(500, b);
    assertThat(a.toString()).isEqualTo(b.toString());
  }

  @Test
  void riskByCaseMakesSomeCasesLateMoreOften() throws Exception {
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    StringWriter risky = new StringWriter();
    new FeedGenerator(REGISTRY, 5, from, Duration.ofDays(60), true).write(6_000, risky);
    StringWriter plain = new StringWriter();
    new FeedGenerator(REGISTRY, 5, from, Duration.ofDays(60)).write(6_000, plain);

    double[] riskyShares = lateShares(risky.toString());
    double[] plainShares = lateShares(plain.toString());
    // Project cases are slow, policy cases quick, only when risk depends on the case.
    assertThat(riskyShares[0] - riskyShares[1]).isGreaterThan(0.2);
    assertThat(Math.abs(plainShares[0] - plainShares[1])).isLessThan(0.08);
  }

  /** The shares of closed project and policy cases with a given deadline that closed after it. */
  private static double[] lateShares(String feed) throws Exception {
    ObjectMapper json = new ObjectMapper();
    java.util.Map<String, java.util.Map<String, Object>> closed = new LinkedHashMap<>();
    for (String line : feed.split("\n")) {
      java.util.Map<String, Object> v =
          json.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {});
      if ("closed".equals(v.get("status")) && v.get("deadline") != null) {
        closed.put((String) v.get("case_id"), v);
      }
    }
    double[] late = new double[2];
    double[] all = new double[2];
    for (var v : closed.values()) {
      int group =
          "project".equals(v.get("category")) ? 0 : "policy".equals(v.get("category")) ? 1 : -1;
      if (group < 0) {
        continue;
      }
      all[group]++;
      Instant closedAt = java.time.OffsetDateTime.parse((String) v.get("closed_at")).toInstant();
      Instant deadline = java.time.OffsetDateTime.parse((String) v.get("deadline")).toInstant();
      late[group] += closedAt.isAfter(deadline) ? 1 : 0;
    }
    return new double[] {late[0] / all[0], late[1] / all[1]};
  }

  @Test
  void restatesPlantedProblemsWhenAskedAndKnowsEachCasesTopic() throws Exception {
    StringWriter out = new StringWriter();
    new FeedGenerator(REGISTRY, 5, Instant.parse("2024-03-01T00:00:00Z"), Duration.ofDays(30))
        .withCommonProblems(80)
        .write(500, out);
    ObjectMapper json = new ObjectMapper();
    java.util.Map<String, String> descriptions = new java.util.HashMap<>();
    java.util.Map<String, Long> perProblem = new java.util.HashMap<>();
    for (String line : out.toString().split("\n")) {
      var row = json.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {});
      String caseId = (String) row.get("case_id");
      String text = (String) row.get("description");
      String before = descriptions.putIfAbsent(caseId, text);
      assertThat(before).as("one description per case").isIn(null, text);
      var topic =
          PlantedTopic.of(5, Long.parseLong(caseId.substring(caseId.indexOf('-') + 1), 36), 80);
      assertThat(text).isEqualTo(topic.description());
      if (before == null) {
        perProblem.merge(
            topic.problem() == null ? "one-off" : topic.problem().name(), 1L, Long::sum);
      }
    }
    assertThat(descriptions).hasSize(500);
    assertThat(perProblem.keySet())
        .containsAll(
            io.liangshai.problems.PlantedProblems.PROBLEMS.stream()
                .map(io.liangshai.problems.PlantedProblems.Problem::name)
                .toList())
        .contains("one-off");
    assertThat(perProblem.get("one-off")).isBetween(60L, 140L);
    assertThat(new HashSet<>(descriptions.values()).size()).as("varied wording").isGreaterThan(150);
  }
}
