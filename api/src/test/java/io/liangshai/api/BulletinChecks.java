package io.liangshai.api;

import java.util.Map;

/**
 * The authorization checks of the bulletin routes, kept apart so that the bulletins' own tests can
 * fill them in: published bulletins are readable by every tenant, publishing is the province's.
 */
final class BulletinChecks {

  private BulletinChecks() {}

  static void addTo(Map<String, AuthorizationITCase.Check> checks) {
    // Filled in with the bulletin routes.
  }
}
