package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

class NamedInsertTest {

  private final NamedInsert insert = new NamedInsert("batches", "batch_id", "tenant_code");

  @Test
  void theStatementNamesEveryColumnOnceInItsOrder() {
    assertThat(insert.sql()).isEqualTo("INSERT INTO batches (batch_id, tenant_code) VALUES (?, ?)");
    assertThat(insert.columns()).containsExactly("batch_id", "tenant_code");
  }

  @Test
  void aColumnTheTableDoesNotHaveIsRefusedByName() {
    assertThatThrownBy(() -> insert.bind(null).set("tenant", "330522"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batches has no column tenant");
  }

  @Test
  void aRowWithAColumnLeftUnboundIsRefusedNamingIt() {
    assertThatThrownBy(() -> insert.bind(null).done())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("batches.batch_id is not bound");
  }

  @Test
  void aWrappedOutageStillReadsAsUnavailableAndAWrongStatementDoesNot() {
    SQLException outage = new WarehouseUnavailableException("ClickHouse is unreachable");
    SQLException wrong = new SQLSyntaxErrorException("Syntax error", "42000");

    assertThat(new WarehouseException("read audit_log", outage).isUnavailable()).isTrue();
    assertThat(new WarehouseException("read audit_log", wrong).isUnavailable()).isFalse();
    assertThat(new WarehouseException("read audit_log", wrong))
        .hasMessage("read audit_log: Syntax error")
        .hasCause(wrong);
  }
}
