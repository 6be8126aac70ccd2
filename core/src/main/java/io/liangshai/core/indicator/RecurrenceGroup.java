package io.liangshai.core.indicator;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.Category;
import java.util.Objects;

/** The cases that can be recurrences of one another: same tenant, enterprise and category. */
public record RecurrenceGroup(String tenantCode, String enterpriseUscc, Category category) {

  public RecurrenceGroup {
    Objects.requireNonNull(tenantCode, "tenantCode");
    Objects.requireNonNull(enterpriseUscc, "enterpriseUscc");
    Objects.requireNonNull(category, "category");
  }

  public static RecurrenceGroup of(CaseRecord record) {
    return new RecurrenceGroup(record.tenantCode(), record.enterpriseUscc(), record.category());
  }

  /**
   * {@code tenant_code|enterprise_uscc|category}: the form the stream job's recurrence groups are
   * keyed by, so it must not change.
   */
  public String asString() {
    return tenantCode + '|' + enterpriseUscc + '|' + category.wireName();
  }
}
