package io.liangshai.api;

import io.liangshai.tenants.Principal;
import io.liangshai.warehouse.AuditLog;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's side of {@link AuditLog}: administrative acts are recorded before they are answered;
 * uploads are recorded off the request path, in order, by one background thread.
 */
final class Audit implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

  private final AuditLog log;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "audit");
            t.setDaemon(true);
            return t;
          });

  Audit(AuditLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Records an act now (call off the event loop). */
  void record(Principal actor, String action, String object, JsonObject detail)
      throws SQLException {
    log.record(actor.tenantCode(), actor.keyId(), action, object, detail.encode());
  }

  /** Records an act soon, off the request path; a failure is logged, never thrown. */
  void recordLater(Principal actor, String action, String object, JsonObject detail) {
    recordLater(actor.tenantCode(), actor.keyId(), action, object, detail);
  }

  void recordLater(String tenant, String keyId, String action, String object, JsonObject detail) {
    background.execute(
        () -> {
          try {
            log.record(tenant, keyId, action, object, detail.encode());
          } catch (SQLException | RuntimeException e) {
            LOG.error("audit row {} {} by {} not written: {}", action, object, keyId, e.toString());
          }
        });
  }

  /** Runs {@code task} on the audit thread, after every row queued before it. */
  void later(Runnable task) {
    background.execute(task);
  }

  @Override
  public void close() {
    background.shutdown();
  }
}
