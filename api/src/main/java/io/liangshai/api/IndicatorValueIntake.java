package io.liangshai.api;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.ReportedRow;
import io.liangshai.core.evaluation.ReportedRowValidator;
import io.liangshai.core.evaluation.ReportedValue;
import io.liangshai.core.lang.Required;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.time.Period;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.BatchTooLargeException;
import io.liangshai.ingest.IndicatorValueUploads;
import io.liangshai.ingest.RawRow;
import io.liangshai.ingest.UnparseableBatchException;
import io.liangshai.tenants.Principal;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.IndicatorValuesTable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes one upload of reported indicator values (SPEC §7): every row checked by core's {@link
 * ReportedRowValidator} (a defined, not retired {@code reported} indicator, a tenant in the key's
 * scope, a month, one form per indicator), then judged against the current uploads: a row equal to
 * the current value of its (indicator, tenant, month) is ignored, a different one replaces it. The
 * body is kept as received ({@link IndicatorValueUploads}) before its rows are written to {@link
 * IndicatorValuesTable} with one version for the upload, greater than every version stored (so the
 * later upload wins, also within one millisecond); of two rows of one upload for the same key the
 * later row wins. Uploads are taken one at a time in this process, so that judging and writing are
 * not interleaved.
 */
final class IndicatorValueIntake {

  private final IndicatorCatalog catalog;
  private final TenantRegistry registry;
  private final IndicatorValuesTable table;
  private final IndicatorValueUploads uploads;
  private final Clock clock;
  private final int maxRows;
  private long lastVersion = -1;

  /** One (indicator, tenant, month): the upload of it with the greatest version is current. */
  /** The rows to write, one per key, and how many rows changed nothing. */
  private record Judged(Map<Key, ReportedRow> changed, int ignored) {}

  private record Key(String indicator, String tenant, Period month) {
    static Key of(ReportedRow row) {
      return new Key(row.indicator(), row.tenantCode(), row.month());
    }
  }

  IndicatorValueIntake(
      IndicatorCatalog catalog,
      TenantRegistry registry,
      IndicatorValuesTable table,
      IndicatorValueUploads uploads,
      Clock clock,
      int maxRows) {
    Required.nonNull(
        "catalog registry table uploads clock", catalog, registry, table, uploads, clock);
    this.catalog = catalog;
    this.registry = registry;
    this.table = table;
    this.uploads = uploads;
    this.clock = clock;
    this.maxRows = maxRows;
  }

  IndicatorValueUploads uploads() {
    return uploads;
  }

  /**
   * Takes {@code body} (a file under the landing zone's {@code incoming/}, which this call moves or
   * deletes) from {@code caller}.
   *
   * @throws UnparseableBatchException when it cannot be read as {@code format}; nothing is kept
   * @throws BatchTooLargeException when it has more than {@code maxRows} rows (a case batch's
   *     limit); nothing is kept
   */
  synchronized BatchResult ingest(
      Principal caller, BatchFormat format, Optional<Charset> declared, Path body)
      throws IOException, UnparseableBatchException, BatchTooLargeException {
    Instant receivedAt = clock.instant();
    List<ReportedRow> valid = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    IndicatorValueUploads.Body read;
    Judged judged;
    try {
      ReportedRowValidator validator = validator(caller);
      int[] rows = {0};
      read =
          IndicatorValueUploads.read(
              format,
              declared,
              body,
              row -> {
                if (++rows[0] > maxRows) {
                  throw new TooManyRows();
                }
                take(row, validator, valid, errors);
              });
      judged = judge(valid);
    } catch (TooManyRows e) {
      Files.deleteIfExists(body);
      throw new BatchTooLargeException(
          "the upload has more than " + maxRows + " rows, the limit per upload; split it");
    } catch (UnparseableBatchException | IOException | RuntimeException e) {
      Files.deleteIfExists(body);
      throw e;
    }
    Map<Key, ReportedRow> changed = judged.changed();
    int rejected = (int) errors.stream().mapToInt(FieldError::row).distinct().count();
    String id = uploads.newId(receivedAt);
    Path kept = uploads.keep(id, format, body);
    if (!changed.isEmpty()) {
      try {
        table.insert(List.copyOf(changed.values()), id, receivedAt, nextVersion(receivedAt));
      } catch (RuntimeException e) {
        Files.deleteIfExists(kept);
        throw e;
      }
    }
    errors.sort(Comparator.comparingInt(FieldError::row));
    return new BatchResult(
        id,
        caller.tenantCode(),
        caller.keyId(),
        receivedAt,
        format,
        read.bytes(),
        read.sha256(),
        valid.size() - judged.ignored(),
        judged.ignored(),
        rejected,
        errors,
        false);
  }

  /** The uploader's row checks: the indicators in force, its scope, the forms stored. */
  private ReportedRowValidator validator(Principal caller) {
    Map<String, IndicatorDefinition> defined = new HashMap<>();
    catalog.active().forEach(d -> defined.put(d.code(), d));
    return new ReportedRowValidator(
        code -> Optional.ofNullable(defined.get(code)),
        registry.scopeOf(caller.tenantCode()),
        table.forms());
  }

  private static void take(
      RawRow row,
      ReportedRowValidator validator,
      List<ReportedRow> valid,
      List<FieldError> errors) {
    if (!row.readable()) {
      errors.add(FieldError.of(row.number(), null, null, row.unreadable()));
      return;
    }
    ReportedRowValidator.Result result = validator.validate(row.fields(), row.number());
    if (result.isValid()) {
      valid.add(result.row());
      return;
    }
    String where = where(row.fields());
    for (FieldError e : result.errors()) {
      errors.add(
          new FieldError(e.row(), null, e.field(), e.code(), e.params(), where + e.message()));
    }
  }

  /**
   * "policy_payout, tenant 330522, 2024-02: ": the indicator, tenant and period a row names, as
   * sent (what of them is text), to put in front of its errors' messages.
   */
  static String where(Map<String, Object> fields) {
    List<String> parts = new ArrayList<>();
    for (String field : List.of("indicator", "tenant_code", "period")) {
      if (fields.get(field) instanceof String text && !text.isBlank()) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        parts.add(field.equals("tenant_code") ? "tenant " + shown : shown);
      }
    }
    return parts.isEmpty() ? "" : String.join(", ", parts) + ": ";
  }

  /**
   * The rows that change their key's current value, the later of one upload's rows for a key
   * winning; a row equal to the value current before it is left out (ignored).
   */
  private Judged judge(List<ReportedRow> valid) {
    Map<String, Set<Period>> monthsOf = new HashMap<>();
    valid.forEach(
        r -> monthsOf.computeIfAbsent(r.indicator(), i -> new TreeSet<>()).add(r.month()));
    Map<Key, ReportedValue> current = new HashMap<>();
    monthsOf.forEach(
        (indicator, months) ->
            table
                .uploads(indicator, months)
                .forEach(
                    (month, byTenant) ->
                        byTenant.forEach(
                            (tenant, v) -> current.put(new Key(indicator, tenant, month), v))));
    Map<Key, ReportedRow> changed = new LinkedHashMap<>();
    int ignored = 0;
    for (ReportedRow row : valid) {
      Key key = Key.of(row);
      ReportedValue before = current.get(key);
      if (before != null && same(before, row.value())) {
        ignored++;
        continue;
      }
      current.put(key, row.value());
      changed.remove(key);
      changed.put(key, row);
    }
    return new Judged(changed, ignored);
  }

  /** The same value: equal fractions, or bare values equal as numbers (1.5 and 1.50). */
  static boolean same(ReportedValue a, ReportedValue b) {
    if (a.value() != null && b.value() != null) {
      return a.value().compareTo(b.value()) == 0;
    }
    return Objects.equals(a.numerator(), b.numerator())
        && Objects.equals(a.denominator(), b.denominator())
        && a.value() == null
        && b.value() == null;
  }

  /**
   * A version greater than every one stored and given before: the upload's time in microseconds, or
   * one more than the last when that is not greater.
   */
  private long nextVersion(Instant receivedAt) {
    if (lastVersion < 0) {
      lastVersion = table.maxVersion();
    }
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, receivedAt);
    lastVersion = Math.max(micros, lastVersion + 1);
    return lastVersion;
  }

  /** Ends reading an upload with more rows than the limit. */
  private static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super(null, null, false, false);
    }
  }
}
