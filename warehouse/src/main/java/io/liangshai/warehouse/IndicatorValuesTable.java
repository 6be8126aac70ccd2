package io.liangshai.warehouse;

import io.liangshai.core.evaluation.ReportedForm;
import io.liangshai.core.evaluation.ReportedRow;
import io.liangshai.core.evaluation.ReportedValue;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.time.Period;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * ClickHouse table {@code indicator_values} ({@code V007__indicator_values.sql}): the uploaded
 * values of {@code reported} indicators, one row per (indicator, tenant, month), the upload with
 * the greatest {@code version} replacing the others. It owns the columns, the insert ({@link
 * #bind}) and the readers of the current uploads and of each indicator's form; the rollups are
 * core's {@code ReportedRollup}.
 */
public final class IndicatorValuesTable {

  public static final String TABLE = "indicator_values";

  /** The table's columns, in their order. */
  enum Col implements Column {
    INDICATOR,
    TENANT_CODE,
    PERIOD,
    FORM,
    NUMERATOR,
    DENOMINATOR,
    VALUE,
    BATCH_ID,
    UPLOADED_AT,
    VERSION
  }

  public static final NamedInsert<Col> INSERT = new NamedInsert<>(TABLE, Col.class);

  private static final String UPLOADS =
      "SELECT tenant_code, period, numerator, denominator, value FROM "
          + TABLE
          + " FINAL WHERE indicator = ? AND has(?, period)";

  private static final String FORMS =
      "SELECT indicator, argMin(form, version) AS first FROM " + TABLE + " GROUP BY indicator";

  private static final String MAX_VERSION = "SELECT max(version) FROM " + TABLE;

  private final Warehouse warehouse;

  public IndicatorValuesTable(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /**
   * Binds one accepted row to {@code ps} (prepared from {@link #INSERT}).
   *
   * @param version orders the uploads of one (indicator, tenant, month): the greatest is current
   */
  public static PreparedStatement bind(
      PreparedStatement ps, ReportedRow row, String batchId, Instant uploadedAt, long version)
      throws SQLException {
    ReportedValue v = row.value();
    return INSERT
        .bind(ps)
        .set(Col.INDICATOR, row.indicator())
        .set(Col.TENANT_CODE, row.tenantCode())
        .set(Col.PERIOD, row.month().toString())
        .set(Col.FORM, v.form().wireName())
        .setNullable(Col.NUMERATOR, v.numerator())
        .setNullable(Col.DENOMINATOR, v.denominator())
        .set(Col.VALUE, v.value() == null ? null : v.value().toPlainString())
        .set(Col.BATCH_ID, batchId)
        .set(Col.UPLOADED_AT, uploadedAt)
        .set(Col.VERSION, version)
        .done();
  }

  /** Writes {@code rows} of one upload. */
  public void insert(List<ReportedRow> rows, String batchId, Instant uploadedAt, long version) {
    Sql.on(
        warehouse,
        "write " + TABLE,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT.sql())) {
            for (ReportedRow row : rows) {
              bind(ps, row, batchId, uploadedAt, version);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /**
   * The current upload of {@code indicator} of every tenant that has one, for each of {@code
   * months}.
   *
   * @return month → tenant code → value (months without uploads absent)
   */
  public Map<Period, Map<String, ReportedValue>> uploads(
      String indicator, Collection<Period> months) {
    String[] names = months.stream().map(Period::toString).toArray(String[]::new);
    return Sql.query(
        warehouse,
        "read " + TABLE + " of " + indicator,
        UPLOADS,
        ps -> {
          ps.setString(1, indicator);
          ps.setArray(2, ps.getConnection().createArrayOf("String", names));
        },
        rs -> {
          Map<Period, Map<String, ReportedValue>> uploads = new TreeMap<>();
          while (rs.next()) {
            uploads
                .computeIfAbsent(Period.parse(rs.getString(Col.PERIOD.sql())), p -> new HashMap<>())
                .put(rs.getString(Col.TENANT_CODE.sql()), read(rs));
          }
          return uploads;
        });
  }

  /** Each reported indicator's form, fixed by its first accepted row. */
  public Map<String, ReportedForm> forms() {
    return Sql.query(
        warehouse,
        "read the forms of " + TABLE,
        FORMS,
        Sql.Parameters.none(),
        rs -> {
          Map<String, ReportedForm> forms = new HashMap<>();
          while (rs.next()) {
            forms.put(
                rs.getString(Col.INDICATOR.sql()),
                WireNamed.require(ReportedForm.class, rs.getString(2)));
          }
          return forms;
        });
  }

  /** The greatest version stored, 0 when there is none: the next upload's must be greater. */
  public long maxVersion() {
    return Sql.query(
        warehouse,
        "read the greatest version of " + TABLE,
        MAX_VERSION,
        Sql.Parameters.none(),
        rs -> rs.next() ? rs.getLong(1) : 0L);
  }

  private static ReportedValue read(ResultSet rs) throws SQLException {
    String value = rs.getString(Col.VALUE.sql());
    if (value != null) {
      return ReportedValue.bare(new BigDecimal(value));
    }
    return ReportedValue.fraction(
        rs.getLong(Col.NUMERATOR.sql()), rs.getLong(Col.DENOMINATOR.sql()));
  }
}
