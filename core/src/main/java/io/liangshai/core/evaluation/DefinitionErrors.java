package io.liangshai.core.evaluation;

import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one submitted object (an indicator definition and its filters), as {@link
 * FieldError}s of row 1 — the request's one object — each naming its field by path ({@code
 * numerator.category}), so the API can answer 400 with them.
 */
public final class DefinitionErrors {

  /** The row number every error of a single submitted object carries. */
  public static final int ROW = 1;

  private final List<FieldError> errors = new ArrayList<>();

  /** Adds {@code problem} at {@code field}. */
  public void add(String field, Problem problem) {
    errors.add(FieldError.of(ROW, null, field, problem));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** The errors in the order found. */
  public List<FieldError> list() {
    return List.copyOf(errors);
  }

  /**
   * The problem of a field (or filter key) not among {@code allowed}.
   *
   * @param what what the name is, for the message: "field", "filter key"
   */
  static Problem unknown(String what, String name, List<String> allowed) {
    String list = String.join(", ", allowed);
    return Problem.of(
        ErrorCode.FIELD_UNKNOWN,
        "unknown " + what + " \"" + name + "\": expected one of " + list,
        "name",
        name,
        "allowed",
        list);
  }

  /** {@code a.b}, or {@code b} when {@code a} is empty. */
  static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }
}
