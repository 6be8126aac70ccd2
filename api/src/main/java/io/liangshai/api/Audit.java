package io.liangshai.api;

import io.liangshai.tenants.Principal;
import io.liangshai.warehouse.AuditLog;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * The API's side of {@link AuditLog}: administrative acts are recorded before they are answered.
 * Uploads and refused uploads are not recorded here: they are kept in the landing zone and derived
 * from it by {@link LandingAuditSync}, so that no crash or outage loses them.
 */
final class Audit {

  private final AuditLog log;

  Audit(AuditLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Records an act now (call off the event loop). */
  void record(Principal actor, String action, String object, JsonObject detail) {
    log.record(actor.tenantCode(), actor.keyId(), action, object, detail.encode());
  }
}
