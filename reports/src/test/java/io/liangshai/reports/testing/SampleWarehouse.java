package io.liangshai.reports.testing;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.warehouse.Warehouse;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link Warehouse} on a test class's ClickHouse database holding the {@link SampleFigures}
 * (version 1): opened and loaded on the first {@link #warehouse()} (from {@code @BeforeAll}, once
 * the {@link ClickHouseExtension} it stands on has started; JUnit does not promise an order between
 * the two extensions), closed after the class:
 *
 * <pre>{@code
 * @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();
 * @RegisterExtension static final SampleWarehouse SAMPLE = new SampleWarehouse(CLICKHOUSE);
 * }</pre>
 */
public final class SampleWarehouse implements AfterAllCallback {

  private final ClickHouseExtension clickhouse;
  private Warehouse warehouse;

  public SampleWarehouse(ClickHouseExtension clickhouse) {
    this.clickhouse = Objects.requireNonNull(clickhouse, "clickhouse");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (warehouse != null) {
      warehouse.close();
      warehouse = null;
    }
  }

  /** The warehouse of the sample figures, opened and loaded on the first call of a class. */
  public Warehouse warehouse() throws Exception {
    if (warehouse == null) {
      warehouse = Warehouse.open(clickhouse.jdbcUrl());
      SampleFigures.load(warehouse, 1);
    }
    return warehouse;
  }
}
