package io.liangshai.stream;

import io.liangshai.core.record.CaseRecord;

/** A record read from the landing zone, with the batch and line it was read from. */
public record Landed(Origin origin, CaseRecord record) {

  /** Key of the case: {@code tenant|case_id}. */
  String caseKey() {
    return record.key().asString();
  }
}
