package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AuditLog#find} reads {@code audit_log} back as {@link AuditEntry} values. */
class AuditLogFindITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final Instant T1 = Instant.parse("2024-03-01T01:00:00Z");
  private static final Instant T2 = Instant.parse("2024-03-02T01:00:00Z");
  private static final Instant T3 = Instant.parse("2024-03-03T01:00:00Z");

  private static Warehouse warehouse;
  private static AuditLog audit;

  @BeforeAll
  static void record() throws Exception {
    warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl());
    audit = new AuditLog(warehouse, Clock.systemUTC());
    audit.record(T1, "330522", "k_0000000000000001", "batch.upload", "b_1", "{\"rows\":3}");
    audit.record(T2, "330000", "admin", "key.revoke", "k_0000000000000001", "{}");
    audit.record(T3, "330521", "k_0000000000000002", "batch.refused", "r_1", "{}");
  }

  @Test
  void everyRowNewestFirstWithItsColumns() {
    List<AuditEntry> all = audit.find(new AuditQuery(null, null, null, null, null, null, 10));

    assertThat(all)
        .extracting(AuditEntry::object)
        .containsExactly("r_1", "k_0000000000000001", "b_1");
    assertThat(all.get(2))
        .isEqualTo(
            new AuditEntry(
                T1, "330522", "k_0000000000000001", "batch.upload", "b_1", "{\"rows\":3}"));
  }

  @Test
  void filtersByKindKeyTimeAndTheUploadsOfATenantScope() {
    assertThat(audit.find(new AuditQuery(null, null, "batch", null, null, null, 10)))
        .extracting(AuditEntry::object)
        .containsExactly("r_1", "b_1");
    assertThat(audit.find(new AuditQuery(null, "admin", null, null, null, null, 10)))
        .extracting(AuditEntry::action)
        .containsExactly("key.revoke");
    assertThat(audit.find(new AuditQuery(null, null, null, T2, T3, null, 10)))
        .extracting(AuditEntry::object)
        .containsExactly("k_0000000000000001");
    assertThat(
            audit.find(
                new AuditQuery(null, null, null, null, null, Set.of("330522", "330000"), 10)))
        .extracting(AuditEntry::object)
        .as("only upload rows of the scope: not the province's key.revoke, not 330521's refusal")
        .containsExactly("b_1");
    assertThat(audit.find(new AuditQuery(null, null, null, null, null, null, 1))).hasSize(1);
  }
}
