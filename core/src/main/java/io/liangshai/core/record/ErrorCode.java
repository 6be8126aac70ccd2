package io.liangshai.core.record;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stable machine name of a row error (SPEC §2), e.g. {@code uscc.check_character}: what a
 * client keys on, while the English message may be reworded. Each code has a Chinese template in
 * the {@link io.liangshai.core.vocabulary.Vocabulary} with the same named parameters as its {@link
 * Problem}s.
 */
public enum ErrorCode {
  FIELD_REQUIRED("field.required"),
  FIELD_UNKNOWN("field.unknown"),
  VALUE_NOT_TEXT("value.not_text"),
  ENUM_UNKNOWN_VALUE("enum.unknown_value"),
  NUMBER_NOT_WHOLE("number.not_whole"),
  NUMBER_TOO_LARGE("number.too_large"),
  BOOL_INVALID("bool.invalid"),
  TEXT_TOO_LONG("text.too_long"),
  TEXT_NUL_CHARACTER("text.nul_character"),
  CASE_ID_SURROUNDING_SPACE("case_id.surrounding_space"),
  TENANT_MALFORMED("tenant.malformed"),
  TENANT_UNKNOWN("tenant.unknown"),
  TENANT_OUT_OF_SCOPE("tenant.out_of_scope"),
  TIME_NOT_ISO("time.not_iso"),
  TIME_NO_OFFSET("time.no_offset"),
  TIME_TOO_PRECISE("time.too_precise"),
  TIME_TOO_EARLY("time.too_early"),
  TIME_TOO_LATE("time.too_late"),
  DEADLINE_BEFORE_RECEIVED("deadline.before_received"),
  DEADLINE_TOO_LATE("deadline.too_late"),
  DEADLINE_UNCHECKABLE("deadline.uncheckable"),
  CLOSED_AT_REQUIRED("closed_at.required"),
  CLOSED_AT_NOT_CLOSED("closed_at.not_closed"),
  CLOSED_AT_BEFORE_RECEIVED("closed_at.before_received"),
  USCC_LENGTH("uscc.length"),
  USCC_CHARACTER("uscc.character"),
  USCC_CHECK_CHARACTER("uscc.check_character"),
  VERSION_CONFLICT("version.conflict"),
  ROW_NOT_OBJECT("row.not_object"),
  ROW_TRAILING_CONTENT("row.trailing_content"),
  ROW_MALFORMED_JSON("row.malformed_json"),
  ROW_TOO_MANY_FIELDS("row.too_many_fields"),
  ROW_DUPLICATE_FIELD("row.duplicate_field"),
  ROW_CELL_COUNT("row.cell_count"),
  ROW_CELL_OUTSIDE_HEADER("row.cell_outside_header"),
  VALUE_NOT_NUMBER("value.not_number"),
  FILTER_NOT_OBJECT("filter.not_object"),
  FILTER_NOT_LIST("filter.not_list"),
  FILTER_NOT_BOOLEAN("filter.not_boolean"),
  INDICATOR_CODE_MALFORMED("indicator.code_malformed"),
  INDICATOR_FIELD_NOT_FOR_KIND("indicator.field_not_for_kind"),
  INDICATOR_BUILT_IN_FIXED("indicator.built_in_fixed"),
  INDICATOR_UNKNOWN("indicator.unknown"),
  INDICATOR_NOT_REPORTED("indicator.not_reported"),
  PERIOD_NOT_MONTH("period.not_month"),
  REPORTED_DENOMINATOR_ZERO("reported.denominator_zero"),
  REPORTED_NUMERATOR_ABOVE_DENOMINATOR("reported.numerator_above_denominator"),
  REPORTED_FORM_AMBIGUOUS("reported.form_ambiguous"),
  REPORTED_FORM_MISMATCH("reported.form_mismatch"),
  /** Not a valid record for a reason no other code names (also: errors stored before codes). */
  ROW_INVALID("row.invalid");

  private final String wireName;

  ErrorCode(String wireName) {
    this.wireName = wireName;
  }

  /** The code as it travels: in answers, error files and the vocabulary's templates. */
  public String wireName() {
    return wireName;
  }

  /** The code called {@code wireName}, if any. */
  public static Optional<ErrorCode> byWireName(String wireName) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
  }
}
