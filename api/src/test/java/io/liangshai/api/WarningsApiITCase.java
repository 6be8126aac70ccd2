package io.liangshai.api;

import static io.liangshai.api.Answers.ok;
import static io.liangshai.api.Answers.status;
import static io.liangshai.api.TestTenants.CITY;
import static io.liangshai.api.TestTenants.COUNTY;
import static io.liangshai.api.TestTenants.OTHER_COUNTY;
import static io.liangshai.api.TestTenants.PROVINCE;
import static io.liangshai.api.TestTenants.SIBLING;
import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.testing.CaseRecordFixture;
import io.liangshai.core.testing.Eventually;
import io.liangshai.core.time.WorkingDayCalendar;
import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.warehouse.figures.WarningQueries;
import io.liangshai.warehouse.testing.SampleFacts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/warnings} and {@code /warnings/model} over hand-made case facts in a real
 * ClickHouse, judged at Wednesday 3 April 2024, 10:00 Asia/Shanghai — the day before 2024's 清明
 * (Thursday 4 to Saturday 6 April off, Sunday 7 April a make-up working day; 1–5 May off, Sunday 28
 * April a make-up working day). The expected working days are counted by hand in the comments.
 */
class WarningsApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer();

  private static final String AS_OF = "2024-04-03T10:00:00+08:00";

  /** Case id → [state, working days left] at {@link #AS_OF}, within 3. */
  private static final Map<String, Object[]> EXPECTED = new LinkedHashMap<>();

  static {
    // Deadline Tuesday 2 April 17:00; after it, Wednesday 3 April: one working day the other way.
    EXPECTED.put("OV-YESTERDAY", new Object[] {"overdue", -1});
    // Deadline 09:00 the same day: overdue, no working day between the dates.
    EXPECTED.put("OV-THIS-MORNING", new Object[] {"overdue", 0});
    // Deadline 18:00 the same day: not overdue, no working day left.
    EXPECTED.put("DS-TONIGHT", new Object[] {"due_soon", 0});
    // Deadline Sunday 7 April: 4, 5, 6 off, 7 the make-up day.
    EXPECTED.put("DS-MAKEUP-SUNDAY", new Object[] {"due_soon", 1});
    // Deadline Saturday 6 April: only holidays.
    EXPECTED.put("DS-HOLIDAY", new Object[] {"due_soon", 0});
    // Deadline Wednesday 10 April: 7, 8, 9, 10.
    EXPECTED.put("OT-NEXT-WEEK", new Object[] {"on_track", 4});
    // Reopened (its latest version is open again), deadline Tuesday 30 April: 7, 8–12, 15–19,
    // 22–26, 28 (make-up), 29, 30.
    EXPECTED.put("OT-REOPENED", new Object[] {"on_track", 19});
  }

  /** Open cases of {@link #OTHER_COUNTY} beside O-1: more rows than one chunk of the answer. */
  private static final int BULK = StreamedJson.ROWS_PER_CHUNK * 2 + 7;

  private static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  private static CaseRecordFixture open(String tenant, String id, String received, String due) {
    return aCase()
        .tenantCode(tenant)
        .caseId(id)
        .receivedAt(at(received))
        .updatedAt(at(received))
        .deadline(at(due))
        .status(CaseStatus.IN_PROGRESS);
  }

  private static CaseRecord closed(CaseRecordFixture c, String closedAt) {
    return c.status(CaseStatus.CLOSED).closedAt(at(closedAt)).updatedAt(at(closedAt)).build();
  }

  @BeforeAll
  static void load() throws Exception {
    String mar = "2024-03-20T09:00:00+08:00";
    List<CaseRecord> first = new ArrayList<>();
    first.add(open(COUNTY, "OV-YESTERDAY", mar, "2024-04-02T17:00:00+08:00").build());
    first.add(
        open(COUNTY, "OV-THIS-MORNING", "2024-03-01T09:00:00+08:00", "2024-04-03T09:00:00+08:00")
            .reassignedCount(2)
            .build());
    first.add(
        open(COUNTY, "DS-TONIGHT", mar, "2024-04-03T18:00:00+08:00")
            .category(Category.FINANCE)
            .channel(Channel.SERVICE_WINDOW)
            .build());
    first.add(
        open(COUNTY, "DS-MAKEUP-SUNDAY", mar, "2024-04-07T18:00:00+08:00")
            .escalationLevel(EscalationLevel.CITY)
            .build());
    first.add(open(COUNTY, "DS-HOLIDAY", mar, "2024-04-06T12:00:00+08:00").build());
    first.add(open(COUNTY, "OT-NEXT-WEEK", mar, "2024-04-10T18:00:00+08:00").build());
    first.add(
        closed(
            open(COUNTY, "OT-REOPENED", mar, "2024-04-30T18:00:00+08:00"),
            "2024-03-25T10:00:00+08:00"));
    first.add(open(COUNTY, "X-CLOSED-LATER", mar, "2024-04-10T18:00:00+08:00").build());
    first.add(
        closed(
            open(COUNTY, "X-CLOSED", mar, "2024-04-02T18:00:00+08:00"),
            "2024-04-01T10:00:00+08:00"));
    first.add(
        open(COUNTY, "X-WITHDRAWN", mar, "2024-04-02T18:00:00+08:00")
            .status(CaseStatus.WITHDRAWN)
            .build());
    first.add(open(SIBLING, "S-1", mar, "2024-04-08T12:00:00+08:00").build());
    first.add(open(CITY, "C-1", mar, "2024-05-06T12:00:00+08:00").build());
    first.add(open(OTHER_COUNTY, "O-1", mar, "2024-04-01T12:00:00+08:00").build());
    // Enough open cases for the province's list to be written in several chunks.
    for (int i = 0; i < BULK; i++) {
      first.add(
          open(OTHER_COUNTY, "B-" + i, mar, "2024-04-%02dT12:00:00+08:00".formatted(1 + i % 28))
              .reassignedCount(i % 3)
              .build());
    }
    SampleFacts.load(API.warehouse(), first, 1);
    // A second load with newer versions: the table then holds two rows of these cases.
    List<CaseRecord> second = new ArrayList<>(first);
    second.add(
        open(COUNTY, "OT-REOPENED", mar, "2024-04-30T18:00:00+08:00")
            .updatedAt(at("2024-03-28T10:00:00+08:00"))
            .build());
    second.add(
        closed(
            open(COUNTY, "X-CLOSED-LATER", mar, "2024-04-10T18:00:00+08:00"),
            "2024-04-02T10:00:00+08:00"));
    SampleFacts.load(API.warehouse(), second, 2);
  }

  private static JsonArray rows(String query, String key) throws Exception {
    return ok(API.get("/api/v1/warnings?" + query, key)).getJsonArray("rows");
  }

  private static List<String> ids(JsonArray rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(r -> ids.add(((JsonObject) r).getString("case_id")));
    return ids;
  }

  @Test
  void listsExactlyTheOpenCasesWithTheirStatesAndWorkingDays() throws Exception {
    JsonArray rows = rows("as_of=" + AS_OF.replace("+", "%2B"), API.key(COUNTY));

    assertThat(ids(rows)).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    for (Object row : rows) {
      JsonObject r = (JsonObject) row;
      Object[] expected = EXPECTED.get(r.getString("case_id"));
      assertThat(r.getString("state")).as(r.getString("case_id")).isEqualTo(expected[0]);
      assertThat(r.getInteger("working_days_left"))
          .as(r.getString("case_id"))
          .isEqualTo(expected[1]);
      assertThat(r.getString("tenant")).isEqualTo(COUNTY);
      assertThat(r.getDouble("risk")).isBetween(0.0, 1.0);
      assertThat(r.getJsonArray("reasons")).isNotEmpty();
      if (expected[0].equals("overdue")) {
        assertThat(r.getDouble("risk")).isEqualTo(1.0);
      } else {
        assertThat(r.getDouble("risk")).isLessThan(1.0);
      }
    }
  }

  @Test
  void ordersByRiskThenDeadlineTenantAndCaseId() throws Exception {
    JsonArray rows = rows("tenant=" + CITY + "&as_of=" + AS_OF.replace("+", "%2B"), API.key(CITY));

    List<JsonObject> list = new ArrayList<>();
    rows.forEach(r -> list.add((JsonObject) r));
    List<JsonObject> sorted = new ArrayList<>(list);
    sorted.sort(
        Comparator.comparingDouble((JsonObject r) -> -r.getDouble("risk"))
            .thenComparing(r -> Instant.parse(r.getString("deadline")))
            .thenComparing(r -> r.getString("tenant"))
            .thenComparing(r -> r.getString("case_id")));
    assertThat(list).isEqualTo(sorted);
    // Both overdue cases have risk 1: the earlier deadline first.
    assertThat(ids(rows).subList(0, 2)).containsExactly("OV-YESTERDAY", "OV-THIS-MORNING");
    // A case due tonight is at more risk than one due next week, received the same day.
    assertThat(ids(rows).indexOf("DS-TONIGHT")).isLessThan(ids(rows).indexOf("OT-NEXT-WEEK"));
  }

  @Test
  void withinMovesTheDueSoonLine() throws Exception {
    String asOf = "as_of=" + AS_OF.replace("+", "%2B");
    Map<String, String> states = new LinkedHashMap<>();
    rows(asOf + "&within=4", API.key(COUNTY))
        .forEach(r -> states.put(((JsonObject) r).getString("case_id"), state(r)));
    assertThat(states).containsEntry("OT-NEXT-WEEK", "due_soon");
    states.clear();
    rows(asOf + "&within=0", API.key(COUNTY))
        .forEach(r -> states.put(((JsonObject) r).getString("case_id"), state(r)));
    assertThat(states)
        .containsEntry("DS-TONIGHT", "due_soon")
        .containsEntry("DS-HOLIDAY", "due_soon")
        .containsEntry("DS-MAKEUP-SUNDAY", "on_track");
  }

  private static String state(Object row) {
    return ((JsonObject) row).getString("state");
  }

  @Test
  void aCityListsItselfAndItsCountiesAndACountyItsOwn() throws Exception {
    String asOf = "&as_of=" + AS_OF.replace("+", "%2B");
    List<String> city = ids(rows("tenant=" + CITY + asOf, API.key(CITY)));
    assertThat(city).contains("S-1", "C-1").doesNotContain("O-1").hasSize(EXPECTED.size() + 2);
    // Without tenant: the caller's own.
    assertThat(ids(rows(asOf.substring(1), API.key(COUNTY))))
        .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    assertThat(ids(rows(asOf.substring(1), API.key(PROVINCE)))).contains("O-1", "S-1", "C-1");
    assertThat(status(API.get("/api/v1/warnings?tenant=" + CITY, API.key(COUNTY)))).isEqualTo(403);
    assertThat(status(API.get("/api/v1/warnings?tenant=" + SIBLING, API.key(COUNTY))))
        .isEqualTo(403);
    assertThat(status(API.get("/api/v1/warnings?tenant=" + OTHER_COUNTY, API.key(CITY))))
        .isEqualTo(403);
    assertThat(status(API.get("/api/v1/warnings?tenant=330000", API.key(CITY)))).isEqualTo(403);
  }

  @Test
  void refusesBadParameters() throws Exception {
    for (String bad :
        List.of(
            "as_of=2024-04-03",
            "as_of=2024-04-03T10:00:00",
            "as_of=yesterday",
            "within=-1",
            "within=61",
            "within=2.5",
            "within=three",
            "tenant=33052",
            "within=1&within=2")) {
      assertThat(status(API.get("/api/v1/warnings?" + bad, API.key(COUNTY))))
          .as(bad)
          .isEqualTo(400);
    }
    assertThat(status(API.get("/api/v1/warnings?tenant=339999", API.key(PROVINCE)))).isEqualTo(404);
    assertThat(status(API.get("/api/v1/warnings?within=60", API.key(COUNTY)))).isEqualTo(200);
  }

  @Test
  void theModelIsThePriorUntilOneIsTrained() throws Exception {
    JsonObject model = ok(API.get("/api/v1/warnings/model", API.key(COUNTY)));

    assertThat(model.getInteger("cases")).isZero();
    for (String field : List.of("auc", "brier", "base_rate", "trained_at", "trained_from")) {
      assertThat(model.containsKey(field)).as(field).isTrue();
      assertThat(model.getValue(field)).as(field).isNull();
    }
    assertThat(model.getValue("trained_to")).isNull();
    assertThat(model.getString("prior")).contains("prior").contains("overdue");
  }

  @Test
  void theGaugesCountWhatTheListShows() throws Exception {
    Instant asOf = at(AS_OF);
    Map<String, Double> expected = new LinkedHashMap<>();
    for (String tenant : List.of(COUNTY, SIBLING, CITY, OTHER_COUNTY)) {
      for (Object r :
          rows("tenant=" + tenant + "&as_of=" + AS_OF.replace("+", "%2B"), API.key(PROVINCE))) {
        JsonObject row = (JsonObject) r;
        if (row.getString("tenant").equals(tenant)) {
          expected.merge(tenant + "/" + row.getString("state"), 1.0, Double::sum);
        }
      }
    }
    assertThat(expected).containsEntry(COUNTY + "/due_soon", 3.0);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Vertx vertx = Vertx.vertx();
    WarningGauge gauge =
        new WarningGauge(
            new WarningQueries(API.warehouse()),
            new DeadlineClock(WorkingDayCalendar.china()),
            Clock.fixed(asOf, ZoneOffset.UTC),
            meters);
    try {
      gauge.start(vertx, Duration.ofMillis(200));
      Map<String, Double> counted =
          Eventually.within(Duration.ofSeconds(30), () -> gauges(meters), expected::equals);
      assertThat(counted).isEqualTo(expected);
    } finally {
      gauge.stop(vertx);
      Answers.await(vertx.close());
    }
  }

  /** The gauges' non-zero series, as tenant/state → count. */
  private static Map<String, Double> gauges(SimpleMeterRegistry meters) {
    Map<String, Double> m = new LinkedHashMap<>();
    meters
        .find(WarningGauge.NAME)
        .gauges()
        .forEach(
            g -> {
              if (g.value() > 0) {
                m.put(g.getId().getTag("tenant") + "/" + g.getId().getTag("state"), g.value());
              }
            });
    return m;
  }

  private static final String AT = "as_of=" + AS_OF.replace("+", "%2B");

  @Test
  void withoutAdditionsTheAnswerIsSpecEightsRowsOnly() throws Exception {
    JsonObject answer = ok(API.get("/api/v1/warnings?" + AT, API.key(COUNTY)));

    assertThat(answer.fieldNames()).containsExactly("rows");
  }

  @Test
  void filtersByStateCategoryAndChannelKeepingTheListsOrder() throws Exception {
    List<String> all = ids(rows(AT, API.key(COUNTY)));
    for (String state : List.of("overdue", "due_soon", "on_track")) {
      JsonObject answer =
          ok(API.get("/api/v1/warnings?" + AT + "&state=" + state, API.key(COUNTY)));
      List<String> expected = all.stream().filter(id -> EXPECTED.get(id)[0].equals(state)).toList();
      assertThat(ids(answer.getJsonArray("rows"))).as(state).isEqualTo(expected);
      assertThat(answer.getInteger("total")).isEqualTo(expected.size());
      assertThat(answer.getValue("limit")).isNull();
      assertThat(answer.getInteger("offset")).isZero();
    }
    assertThat(ids(rows(AT + "&category=finance", API.key(COUNTY)))).containsExactly("DS-TONIGHT");
    assertThat(ids(rows(AT + "&channel=service_window", API.key(COUNTY))))
        .containsExactly("DS-TONIGHT");
    assertThat(ids(rows(AT + "&channel=service_window&state=on_track", API.key(COUNTY)))).isEmpty();
    assertThat(ids(rows(AT + "&category=general&channel=hotline_12345", API.key(COUNTY))))
        .hasSize(EXPECTED.size() - 1)
        .doesNotContain("DS-TONIGHT");
    for (String bad :
        List.of("state=late", "category=money", "channel=fax", "limit=0", "offset=-1")) {
      assertThat(status(API.get("/api/v1/warnings?" + bad, API.key(COUNTY))))
          .as(bad)
          .isEqualTo(400);
    }
  }

  @Test
  void pagesCutTheOrderedListWithItsTotal() throws Exception {
    List<String> all = ids(rows("tenant=" + CITY + "&" + AT, API.key(CITY)));
    JsonObject page =
        ok(
            API.get(
                "/api/v1/warnings?tenant=" + CITY + "&" + AT + "&limit=3&offset=2", API.key(CITY)));

    assertThat(ids(page.getJsonArray("rows"))).isEqualTo(all.subList(2, 5));
    assertThat(page.getInteger("total")).isEqualTo(all.size());
    assertThat(page.getInteger("limit")).isEqualTo(3);
    assertThat(page.getInteger("offset")).isEqualTo(2);
    JsonObject rest =
        ok(API.get("/api/v1/warnings?tenant=" + CITY + "&" + AT + "&offset=4", API.key(CITY)));
    assertThat(ids(rest.getJsonArray("rows"))).isEqualTo(all.subList(4, all.size()));
    JsonObject beyond =
        ok(API.get("/api/v1/warnings?tenant=" + CITY + "&" + AT + "&offset=1000", API.key(CITY)));
    assertThat(beyond.getJsonArray("rows")).isEmpty();
    assertThat(beyond.getInteger("total")).isEqualTo(all.size());
  }

  @Test
  void aLargeListIsWrittenInChunksAndReadsAsOneAnswer() throws Exception {
    var response = Answers.send(API.get("/api/v1/warnings?" + AT, API.key(PROVINCE)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Transfer-Encoding")).isEqualTo("chunked");
    JsonArray rows = response.bodyAsJsonObject().getJsonArray("rows");
    assertThat(ids(rows))
        .contains("O-1", "B-0", "B-" + (BULK - 1), "S-1", "C-1")
        .doesNotHaveDuplicates();
    assertThat(rows.size()).isEqualTo(EXPECTED.size() + 3 + BULK);
  }

  @Test
  void theSummaryCountsEachTenantsOwnCasesAsTheListJudgesThem() throws Exception {
    JsonArray summary =
        ok(API.get("/api/v1/warnings/summary?tenant=" + CITY + "&" + AT, API.key(CITY)))
            .getJsonArray("rows");
    List<String> tenants = new ArrayList<>();
    summary.forEach(r -> tenants.add(((JsonObject) r).getString("tenant")));
    List<String> scope =
        API.registry().selfAndDescendants(CITY).stream().map(t -> t.code()).sorted().toList();
    assertThat(tenants).isEqualTo(scope);
    JsonArray list = rows("tenant=" + CITY + "&" + AT, API.key(CITY));
    for (Object o : summary) {
      JsonObject row = (JsonObject) o;
      String tenant = row.getString("tenant");
      List<JsonObject> own = new ArrayList<>();
      list.forEach(
          r -> {
            if (((JsonObject) r).getString("tenant").equals(tenant)) {
              own.add((JsonObject) r);
            }
          });
      assertThat(row.getLong("open")).as(tenant).isEqualTo(own.size());
      for (String state : List.of("overdue", "due_soon", "on_track")) {
        assertThat(row.getLong(state))
            .as(tenant + " " + state)
            .isEqualTo(own.stream().filter(r -> r.getString("state").equals(state)).count());
      }
      long high =
          own.stream()
              .filter(r -> !r.getString("state").equals("overdue") && r.getDouble("risk") >= 0.5)
              .count();
      assertThat(row.getLong("high_risk")).as(tenant).isEqualTo(high);
      if (own.isEmpty()) {
        assertThat(row.getValue("mean_risk")).as(tenant).isNull();
        assertThat(row.getValue("overdue_share")).as(tenant).isNull();
      } else {
        double mean = own.stream().mapToDouble(r -> r.getDouble("risk")).average().orElseThrow();
        assertThat(row.getDouble("mean_risk")).as(tenant).isCloseTo(mean, within(0.0001));
        assertThat(row.getDouble("overdue_share"))
            .as(tenant)
            .isCloseTo((double) row.getLong("overdue") / own.size(), within(0.0001));
      }
    }
    JsonObject county = (JsonObject) summary.getValue(tenants.indexOf(COUNTY));
    assertThat(county.getLong("open")).isEqualTo(EXPECTED.size());
    assertThat(county.getLong("overdue")).isEqualTo(2);
    assertThat(county.getLong("due_soon")).isEqualTo(3);
    assertThat(county.getLong("on_track")).isEqualTo(2);
  }

  @Test
  void theSummaryKeepsTheDrillDownsScope() throws Exception {
    JsonArray own =
        ok(API.get("/api/v1/warnings/summary?" + AT, API.key(COUNTY))).getJsonArray("rows");
    assertThat(own).hasSize(1);
    assertThat(own.getJsonObject(0).getString("tenant")).isEqualTo(COUNTY);
    JsonArray province =
        ok(API.get("/api/v1/warnings/summary?" + AT, API.key(PROVINCE))).getJsonArray("rows");
    assertThat(province.size()).isEqualTo(API.registry().selfAndDescendants(PROVINCE).size());
    long open = 0;
    for (Object r : province) {
      open += ((JsonObject) r).getLong("open");
    }
    assertThat(open).isEqualTo(EXPECTED.size() + 3 + BULK);
    for (String[] refused :
        new String[][] {
          {CITY, API.key(COUNTY)},
          {SIBLING, API.key(COUNTY)},
          {OTHER_COUNTY, API.key(CITY)},
          {PROVINCE, API.key(CITY)}
        }) {
      assertThat(status(API.get("/api/v1/warnings/summary?tenant=" + refused[0], refused[1])))
          .as(refused[0])
          .isEqualTo(403);
    }
    assertThat(status(API.get("/api/v1/warnings/summary?within=61", API.key(COUNTY))))
        .isEqualTo(400);
  }
}
