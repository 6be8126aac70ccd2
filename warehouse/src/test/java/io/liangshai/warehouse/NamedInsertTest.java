package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NamedInsertTest {

  private enum Col implements Column {
    BATCH_ID,
    TENANT_CODE
  }

  private final NamedInsert<Col> insert = new NamedInsert<>("batches", Col.class);

  @Test
  void theStatementNamesEveryColumnOnceInItsOrder() {
    assertThat(insert.sql()).isEqualTo("INSERT INTO batches (batch_id, tenant_code) VALUES (?, ?)");
    assertThat(insert.columns()).containsExactly("batch_id", "tenant_code");
  }

  @Test
  void eachColumnIsBoundAtItsPlaceInTheStatementWhateverTheOrderOfTheCalls() throws Exception {
    Map<Integer, Object> parameters = new TreeMap<>();
    PreparedStatement ps =
        (PreparedStatement)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                  assertThat(method.getName()).isEqualTo("setString");
                  parameters.put((Integer) args[0], args[1]);
                  return null;
                });

    insert.bind(ps).set(Col.TENANT_CODE, "330522").set(Col.BATCH_ID, "b-1").done();

    assertThat(parameters).containsExactly(entry(1, "b-1"), entry(2, "330522"));
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
