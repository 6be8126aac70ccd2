package io.liangshai.ingest;

import io.liangshai.core.record.Problem;
import java.util.Map;

/**
 * One row as read from a batch, before validation: either its fields, or why the row itself could
 * not be read (a JSON Lines line that is not JSON, an array element that is not an object).
 *
 * @param number 1-based row number within the batch
 */
public record RawRow(int number, Map<String, Object> fields, Problem unreadable) {

  static RawRow of(int number, Map<String, Object> fields) {
    return new RawRow(number, fields, null);
  }

  static RawRow unreadable(int number, Problem why) {
    return new RawRow(number, null, why);
  }

  public boolean readable() {
    return unreadable == null;
  }
}
