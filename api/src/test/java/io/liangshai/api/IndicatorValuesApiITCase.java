package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.IndicatorValueUploads;
import io.liangshai.tenants.Principal;
import io.liangshai.warehouse.IndicatorValuesTable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/v1/indicator-values} (SPEC §7) through HTTP on a real ClickHouse and PostgreSQL:
 * uploads with replacements and replays, every upload kept and audited, and the values in {@code
 * /api/v1/metrics} rolled up to 湖州市 (330500) and the province and over a quarter exactly as a hand
 * computation from the uploaded rows says. Ordered: each test adds uploads to the ones before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndicatorValuesApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer().withSampleCounts();

  static final String CITY = "330500";
  static final String DEQING = "330521";
  static final String CHANGXING = "330522";
  static final String ANJI = "330523";

  private static final IndicatorValueRows ROWS = new IndicatorValueRows(API);

  @BeforeAll
  static void defineIndicators() throws Exception {
    ROWS.define("policy_payout", "政策兑现率", "higher_better");
    ROWS.define("approval_days", "投资项目审批时效度", "lower_better");
  }

  @Test
  @Order(1)
  void uploadsRollUpToTheCityAndTheProvinceAndSumOverTheQuarter() throws Exception {
    JsonObject first =
        ROWS.upload(
            API.key(CITY),
            "application/json",
            new JsonArray()
                .add(fraction("policy_payout", DEQING, "2024-01", 3, 4))
                .add(fraction("policy_payout", CHANGXING, "2024-01", 1, 4))
                .add(fraction("policy_payout", DEQING, "2024-02", 2, 2))
                .add(bare("approval_days", DEQING, "2024-01", "10"))
                .add(bare("approval_days", DEQING, "2024-02", "20.5"))
                .add(bare("approval_days", CHANGXING, "2024-01", "7"))
                .toBuffer());
    assertCounts(first, 6, 0, 0);

    // 2024-01: 湖州市 without an upload of its own = (3 + 1) / (4 + 4); so is the province.
    assertFraction("2024-01", CITY, 4, 8);
    assertFraction("2024-01", "330000", 4, 8);
    assertFraction("2024-01", ANJI, null, null);
    // 2024-Q1: 德清县 (3 + 2) / (4 + 2); 湖州市 January 4/8 plus February 2/2 → 6/10.
    assertFraction("2024-Q1", DEQING, 5, 6);
    assertFraction("2024-Q1", CITY, 6, 10);
    assertFraction("2024-W02", DEQING, null, null);
    // bare values: no rollup; a quarter is the mean of the months with a value
    assertBare("2024-01", DEQING, "10");
    assertBare("2024-01", CITY, null);
    assertBare("2024-Q1", DEQING, "15.25");
    assertBare("2024-Q1", CHANGXING, "7");
  }

  @Test
  @Order(2)
  void aLaterDifferentUploadReplacesTheEarlierAndAnIdenticalOneIsIgnored() throws Exception {
    String csv =
        "indicator,tenant_code,period,numerator,denominator,value\n"
            + "policy_payout,330521,2024-01,3,4,\n"
            + "policy_payout,330522,2024-01,2,4,\n"
            + "approval_days,330521,2024-03,,,30.50\n";
    JsonObject second = ROWS.upload(API.key(CITY), "text/csv", Buffer.buffer(csv));
    assertCounts(second, 2, 1, 0);
    JsonObject replay = ROWS.upload(API.key(CITY), "text/csv; charset=utf-8", Buffer.buffer(csv));
    assertCounts(replay, 0, 3, 0);

    // 长兴县 January is now 2/4: 湖州市 (3 + 2) / (4 + 4)
    assertFraction("2024-01", CHANGXING, 2, 4);
    assertFraction("2024-01", CITY, 5, 8);
    assertFraction("2024-Q1", CITY, 7, 10);
    // (10 + 20.5 + 30.5) / 3, to 34 significant digits
    assertBare(
        "2024-Q1",
        DEQING,
        new BigDecimal(61).divide(BigDecimal.valueOf(3), MathContext.DECIMAL128).toPlainString());
  }

  @Test
  @Order(3)
  void withinOneMillisecondTheLaterUploadStillWins() throws Exception {
    // A clock that stands still, behind the uploads before: the versions must still grow.
    Clock stopped = Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC);
    IndicatorValueIntake intake =
        new IndicatorValueIntake(
            API.services().indicators(),
            API.registry(),
            new IndicatorValuesTable(API.warehouse()),
            API.services().indicatorValues().uploads(),
            stopped,
            1000);
    Principal city = new Principal(API.registry().get(CITY), "test-key", API.registry());
    for (int n = 0; n <= 4; n++) {
      BatchResult r =
          intake.ingest(
              city,
              BatchFormat.JSON_LINES,
              Optional.empty(),
              body(fraction("policy_payout", CHANGXING, "2024-01", n, 4).encode()));
      assertThat(r.accepted()).as("upload %d", n).isEqualTo(1);
    }
    assertFraction("2024-01", CHANGXING, 4, 4);
    assertFraction("2024-01", CITY, 7, 8);
  }

  @Test
  @Order(4)
  void everyUploadIsKeptAsReceivedAndAudited() throws Exception {
    String lines =
        fraction("policy_payout", ANJI, "2024-03", 1, 3).encode()
            + "\n"
            + fraction("policy_payout", ANJI, "2024-03", 2, 3).encode()
            + "\n";
    JsonObject answer = ROWS.upload(API.key(ANJI), "application/x-ndjson", Buffer.buffer(lines));
    assertCounts(answer, 2, 0, 0);
    assertFraction("2024-03", ANJI, 2, 3);

    String id = answer.getString("batch_id");
    Path kept =
        API.landing()
            .resolve(IndicatorValueUploads.DIRECTORY)
            .resolve(id + "." + BatchFormat.JSON_LINES.extension());
    assertThat(Files.readString(kept)).isEqualTo(lines);
    JsonObject row = ROWS.audited("indicator_values.upload", id);
    assertThat(row.getString("tenant")).isEqualTo(ANJI);
    assertThat(row.getJsonObject("detail").getInteger("accepted")).isEqualTo(2);
  }

  // --- helpers ----------------------------------------------------------------------------------

  static JsonObject fraction(String indicator, String tenant, String period, long n, long d) {
    return new JsonObject()
        .put("indicator", indicator)
        .put("tenant_code", tenant)
        .put("period", period)
        .put("numerator", n)
        .put("denominator", d);
  }

  static JsonObject bare(String indicator, String tenant, String period, String value) {
    return new JsonObject()
        .put("indicator", indicator)
        .put("tenant_code", tenant)
        .put("period", period)
        .put("value", new BigDecimal(value));
  }

  private static Path body(String content) throws Exception {
    Path file = API.services().indicatorValues().uploads().newIncomingFile();
    return Files.writeString(file, content);
  }

  static void assertCounts(JsonObject answer, int accepted, int ignored, int rejected) {
    assertThat(answer.getInteger("accepted")).as(answer.encode()).isEqualTo(accepted);
    assertThat(answer.getInteger("ignored")).as(answer.encode()).isEqualTo(ignored);
    assertThat(answer.getInteger("rejected")).as(answer.encode()).isEqualTo(rejected);
    assertThat(answer.getInteger("errors_total")).as(answer.encode()).isEqualTo(rejected);
  }

  private static void assertFraction(String period, String tenant, Integer n, Integer d)
      throws Exception {
    JsonNode v = ROWS.value(period, tenant, "policy_payout");
    String where = period + " " + tenant;
    if (n == null) {
      assertThat(v.get("numerator").isNull()).as(where + ": " + v).isTrue();
      assertThat(v.get("denominator").isNull()).as(where + ": " + v).isTrue();
      assertThat(v.get("value").isNull()).as(where + ": " + v).isTrue();
    } else {
      assertThat(v.get("numerator").asLong()).as(where).isEqualTo(n.longValue());
      assertThat(v.get("denominator").asLong()).as(where).isEqualTo(d.longValue());
      assertThat(v.get("value").asDouble()).as(where).isEqualTo((double) n / d);
    }
  }

  private static void assertBare(String period, String tenant, String expected) throws Exception {
    JsonNode v = ROWS.value(period, tenant, "approval_days");
    String where = period + " " + tenant;
    assertThat(v.get("numerator").isNull()).as(where + ": " + v).isTrue();
    assertThat(v.get("denominator").isNull()).as(where + ": " + v).isTrue();
    BigDecimal value = IndicatorValueRows.decimal(v.get("value"));
    if (expected == null) {
      assertThat(value).as(where).isNull();
    } else {
      assertThat(value).as(where).isEqualByComparingTo(new BigDecimal(expected));
    }
  }
}
