package io.liangshai.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Renders numeric XLSX cells as the value they hold, not as Excel would display them (SPEC §2).
 * POI's {@link DataFormatter} shows {@code 202401020001} in the General format as {@code
 * 2.02401E11}, which would make two case ids one; here it stays {@code 202401020001}, {@code 1.0}
 * is {@code 1} and {@code 0.5} is {@code 0.5}, whatever number format the cell has.
 *
 * <p>A date-formatted cell is rendered as an ISO-8601 local date-time ({@code
 * 2024-01-02T09:00:00}): an XLSX date has no offset, so the row's validator rejects it as a time
 * without offset and names the value, rather than guessing a zone.
 */
final class ExactCellFormatter extends DataFormatter {

  @Override
  public String formatRawCellContents(
      double value, int formatIndex, String formatString, boolean use1904Windowing) {
    if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
      LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing);
      if (time != null) {
        return time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      }
    }
    return exact(value);
  }

  /** The shortest decimal that is exactly {@code value}, without exponent or trailing zeros. */
  static String exact(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
