package io.liangshai.ingest;

import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.Problem;
import java.util.Map;
import java.util.Optional;

/** The row check {@link BatchIntake} runs before validation: no field may hold U+0000. */
final class NulCharacters {

  private NulCharacters() {}

  /** A value holding U+0000, which no field may: a sign of binary data or a broken export. */
  static Optional<FieldError> find(RawRow row) {
    for (Map.Entry<String, Object> f : row.fields().entrySet()) {
      if (f.getValue() instanceof String v && v.indexOf('\0') >= 0) {
        Object caseId = row.fields().get("case_id");
        return Optional.of(
            FieldError.of(
                row.number(),
                caseId instanceof String id && id.indexOf('\0') < 0 ? id : null,
                f.getKey(),
                Problem.of(
                    ErrorCode.TEXT_NUL_CHARACTER,
                    "contains a NUL character (U+0000); remove it and send the row again")));
      }
    }
    return Optional.empty();
  }
}
