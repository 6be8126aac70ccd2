package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.evaluation.ReportedForm;
import io.liangshai.core.evaluation.ReportedRow;
import io.liangshai.core.evaluation.ReportedValue;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.warehouse.figures.ReportedValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uploaded values of reported indicators in a real ClickHouse: the later upload of an (indicator,
 * tenant, month) replaces the earlier, bare values keep their exact decimals, the form of each
 * indicator is its first upload's, and {@link ReportedValues} rolls the current uploads up over the
 * Zhejiang registry, to months, quarters and years.
 */
class IndicatorValuesTableITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final Period JAN = Period.parse("2024-01");
  private static final Period FEB = Period.parse("2024-02");
  private static final Instant UPLOADED = Instant.parse("2024-03-01T02:00:00.123456Z");

  private static Warehouse warehouse;
  private static IndicatorValuesTable table;

  @BeforeAll
  static void open() throws Exception {
    warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl());
    table = new IndicatorValuesTable(warehouse);
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  private static ReportedRow row(String indicator, String tenant, Period month, ReportedValue v) {
    return new ReportedRow(indicator, tenant, month, v);
  }

  @Test
  void theLaterUploadReplacesTheEarlierAndTheRollupSumsTheCurrentOnes() {
    table.insert(
        List.of(
            row("policy", "330521", JAN, ReportedValue.fraction(3, 4)),
            row("policy", "330522", JAN, ReportedValue.fraction(1, 4)),
            row("policy", "330102", FEB, ReportedValue.fraction(5, 5))),
        "batch-1",
        UPLOADED,
        1);
    table.insert(
        List.of(row("policy", "330522", JAN, ReportedValue.fraction(4, 4))),
        "batch-2",
        UPLOADED.plusSeconds(60),
        2);

    Map<Period, Map<String, ReportedValue>> uploads = table.uploads("policy", List.of(JAN, FEB));

    assertThat(uploads.get(JAN))
        .containsOnly(
            Map.entry("330521", ReportedValue.fraction(3, 4)),
            Map.entry("330522", ReportedValue.fraction(4, 4)));
    assertThat(uploads.get(FEB)).containsOnly(Map.entry("330102", ReportedValue.fraction(5, 5)));

    ReportedValues values = new ReportedValues(table, ZhejiangTenants.hierarchy());
    assertThat(values.values("policy", JAN).get("330500")).isEqualTo(IndicatorValue.ratio(7, 8));
    assertThat(values.values("policy", JAN).get("330100").value()).isNull();
    Map<String, IndicatorValue> q1 = values.values("policy", Period.parse("2024-Q1"));
    assertThat(q1.get(ZhejiangTenants.PROVINCE)).isEqualTo(IndicatorValue.ratio(12, 13));
    assertThat(values.values("policy", Period.parse("2024")).get(ZhejiangTenants.PROVINCE))
        .isEqualTo(IndicatorValue.ratio(12, 13));
    assertThat(values.values("policy", Period.parse("2024-W02")).values())
        .allSatisfy(v -> assertThat(v.value()).isNull());
    assertThat(q1.get("330100")).isEqualTo(IndicatorValue.ratio(5, 5));
  }

  @Test
  void bareValuesKeepTheirDecimalsAndEachIndicatorItsFirstForm() {
    table.insert(
        List.of(row("review", "330522", JAN, ReportedValue.bare(new BigDecimal("97.125000")))),
        "batch-3",
        UPLOADED,
        3);
    table.insert(
        List.of(row("visits", "330522", JAN, ReportedValue.fraction(1, 2))),
        "batch-4",
        UPLOADED,
        4);

    assertThat(table.uploads("review", List.of(JAN)).get(JAN).get("330522").value())
        .isEqualTo(new BigDecimal("97.125000"));
    table.insert(
        List.of(row("review", "330522", FEB, ReportedValue.bare(new BigDecimal("90")))),
        "batch-5",
        UPLOADED,
        5);
    Map<String, IndicatorValue> q1 =
        new ReportedValues(table, ZhejiangTenants.hierarchy())
            .values("review", Period.parse("2024-Q1"));
    assertThat((BigDecimal) q1.get("330522").value()).isEqualByComparingTo("93.5625");
    assertThat(q1.get("330500").value()).isNull();
    assertThat(table.forms())
        .containsEntry("review", ReportedForm.BARE)
        .containsEntry("visits", ReportedForm.FRACTION);
  }
}
