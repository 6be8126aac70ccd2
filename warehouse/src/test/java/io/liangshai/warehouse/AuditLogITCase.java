package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AuditLog} appends rows to {@code audit_log} in a real ClickHouse. */
class AuditLogITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final Instant AT = Instant.parse("2024-03-05T01:02:03.456Z");

  @Test
  void appendsOneRowPerAct() throws Exception {
    try (Warehouse warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl())) {
      AuditLog audit = new AuditLog(warehouse, Clock.fixed(AT, ZoneOffset.UTC));
      audit.record("330000", "admin", "bulletin.publish", "bl_1", "{\"period\":\"2024-03\"}");
      audit.record("330000", "admin", "bulletin.publish", "bl_1", null);

      assertThat(audit.find(new AuditQuery(null, null, "bulletin", null, null, null, 10)))
          .containsExactlyInAnyOrder(
              new AuditEntry(
                  AT, "330000", "admin", "bulletin.publish", "bl_1", "{\"period\":\"2024-03\"}"),
              new AuditEntry(AT, "330000", "admin", "bulletin.publish", "bl_1", "{}"));
    }
  }

  @Test
  void refusesAnEmptyActionOrADetailThatIsNotAnObject() throws Exception {
    try (Warehouse warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl())) {
      AuditLog audit = new AuditLog(warehouse, Clock.systemUTC());

      assertThatThrownBy(() -> audit.record("330000", "admin", " ", "x", "{}"))
          .hasMessageContaining("action");
      assertThatThrownBy(() -> audit.record("330000", "admin", "key.issue", "x", "[1]"))
          .hasMessageContaining("JSON object");
    }
  }
}
