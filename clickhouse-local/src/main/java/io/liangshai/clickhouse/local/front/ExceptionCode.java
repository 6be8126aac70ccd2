package io.liangshai.clickhouse.local.front;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClickHouse error codes as the HTTP interface reports them in {@code X-ClickHouse-Exception-Code}.
 */
final class ExceptionCode {

  /** {@code NOT_IMPLEMENTED}: something this front does not do. */
  static final int NOT_IMPLEMENTED = 48;

  /** {@code STD_EXCEPTION}: a failure in the front itself, not in the engine. */
  static final int STD_EXCEPTION = 1001;

  private static final Pattern CODE = Pattern.compile("Code:\\s*(\\d+)");

  private ExceptionCode() {}

  /** The number in {@code "Code: 62. DB::Exception: ..."}, or {@link #STD_EXCEPTION}. */
  static int parse(String message) {
    if (message != null) {
      Matcher m = CODE.matcher(message);
      if (m.find() && m.group(1).length() < 10) {
        return Integer.parseInt(m.group(1));
      }
    }
    return STD_EXCEPTION;
  }
}
