package io.liangshai.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.record.ValidationResult;
import io.liangshai.core.testing.ExpectedMetrics;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every league table of the sample feed's expected results, reproduced from the reference
 * calculator's figures with {@link Scheme#standard()}: rank and score exactly, for every member.
 */
class LeagueTableFixtureTest {

  private static ExpectedMetrics expected;
  private static SortedMap<Period, SortedMap<String, Indicators>> figures;

  @BeforeAll
  static void computeFigures() {
    CaseRecordValidator validator =
        new CaseRecordValidator(TenantScope.knownTenants(ZhejiangTenants.codes()));
    List<CaseRecord> valid = new ArrayList<>();
    List<Map<String, Object>> rows = SampleFeed.rows();
    for (int i = 0; i < rows.size(); i++) {
      ValidationResult result = validator.validate(rows.get(i), i + 1);
      if (result.isValid()) {
        valid.add(result.record());
      }
    }
    expected = ExpectedMetrics.load();
    figures =
        new ReferenceCalculator(ZhejiangTenants.hierarchy())
            .compute(valid.stream(), List.of(PeriodKind.MONTH), ExpectedMetrics.QUERY_TIME);
  }

  @Test
  void expectsTheFourPeerGroupsInBothMonths() {
    assertThat(expected.rankingKeys())
        .containsExactlyInAnyOrder(
            "2024-01/cities",
            "2024-01/counties",
            "2024-01/mountain26",
            "2024-01/non_mountain",
            "2024-02/cities",
            "2024-02/counties",
            "2024-02/mountain26",
            "2024-02/non_mountain");
  }

  @Test
  void reproducesEveryExpectedLeagueTable() {
    SoftAssertions softly = new SoftAssertions();
    for (String key : expected.rankingKeys()) {
      LeagueTable table = compute(key, Map.of());
      List<Map<String, Object>> want = expected.ranking(key);
      softly
          .assertThat(table.rows().stream().map(LeagueRow::tenant))
          .as(key + " members")
          .containsExactlyInAnyOrderElementsOf(
              want.stream().map(r -> (String) r.get("tenant")).toList());
      for (Map<String, Object> row : want) {
        String where = key + " " + row.get("tenant");
        LeagueRow got = table.row((String) row.get("tenant")).orElse(null);
        softly.assertThat(got).as(where).isNotNull();
        if (got == null) {
          continue;
        }
        softly
            .assertThat(got.received())
            .as(where + " received")
            .isEqualTo(number(row, "received"));
        softly.assertThat(got.rank()).as(where + " rank").isEqualTo(row.get("rank"));
        Object score = row.get("score");
        if (score == null) {
          softly.assertThat(got.score()).as(where + " score").isNull();
          softly.assertThat(got.ineligibleReason()).as(where).startsWith("received ");
        } else {
          softly
              .assertThat(got.score())
              .as(where + " score")
              .isEqualTo(new BigDecimal(score.toString()).setScale(2));
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void carriesJanuaryRanksIntoFebruary() {
    for (String group : List.of("cities", "counties", "mountain26", "non_mountain")) {
      Map<String, Integer> january = new HashMap<>();
      compute("2024-01/" + group, Map.of()).rows().stream()
          .filter(LeagueRow::eligible)
          .forEach(r -> january.put(r.tenant(), r.rank()));

      for (LeagueRow row : compute("2024-02/" + group, january).rows()) {
        assertThat(row.previousRank()).as(row.tenant()).isEqualTo(january.get(row.tenant()));
        if (row.rank() != null && row.previousRank() != null) {
          assertThat(row.rankChange()).isEqualTo(row.previousRank() - row.rank());
        } else {
          assertThat(row.rankChange()).isNull();
        }
      }
    }
  }

  private static LeagueTable compute(String key, Map<String, Integer> previousRanks) {
    String[] parts = key.split("/");
    Map<String, Indicators> byTenant = figures.get(Period.parse(parts[0]));
    List<TenantFigures> members =
        ZhejiangTenants.all().stream()
            .filter(t -> t.groups().contains(parts[1]))
            .map(t -> new TenantFigures(t.code(), byTenant.get(t.code())))
            .toList();
    assertThat(members).as(key + " members").isNotEmpty();
    return LeagueTable.compute(Scheme.standard(), members, previousRanks);
  }

  private static long number(Map<String, Object> row, String field) {
    return ((Number) row.get(field)).longValue();
  }
}
