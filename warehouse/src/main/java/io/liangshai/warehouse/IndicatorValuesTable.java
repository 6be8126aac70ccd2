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

  public static final String INDICATOR = "indicator";
  public static final String TENANT_CODE = "tenant_code";
  public static final String PERIOD = "period";
  public static final String FORM = "form";
  public static final String NUMERATOR = "numerator";
  public static final String DENOMINATOR = "denominator";
  public static final String VALUE = "value";
  public static final String BATCH_ID = "batch_id";
  public static final String UPLOADED_AT = "uploaded_at";
  public static final String VERSION = "version";

  public static final NamedInsert INSERT =
      new NamedInsert(
          TABLE,
          INDICATOR,
          TENANT_CODE,
          PERIOD,
          FORM,
          NUMERATOR,
          DENOMINATOR,
          VALUE,
          BATCH_ID,
          UPLOADED_AT,
          VERSION);

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
        .set(INDICATOR, row.indicator())
        .set(TENANT_CODE, row.tenantCode())
        .set(PERIOD, row.month().toString())
        .set(FORM, v.form().wireName())
        .setNullable(NUMERATOR, v.numerator())
        .setNullable(DENOMINATOR, v.denominator())
        .set(VALUE, v.value() == null ? null : v.value().toPlainString())
        .set(BATCH_ID, batchId)
        .set(UPLOADED_AT, uploadedAt)
        .set(VERSION, version)
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
                .computeIfAbsent(Period.parse(rs.getString(PERIOD)), p -> new HashMap<>())
                .put(rs.getString(TENANT_CODE), read(rs));
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
                rs.getString(INDICATOR), WireNamed.require(ReportedForm.class, rs.getString(2)));
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
    String value = rs.getString(VALUE);
    if (value != null) {
      return ReportedValue.bare(new BigDecimal(value));
    }
    return ReportedValue.fraction(rs.getLong(NUMERATOR), rs.getLong(DENOMINATOR));
  }
}
