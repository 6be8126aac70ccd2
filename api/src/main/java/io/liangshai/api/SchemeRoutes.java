package io.liangshai.api;

import io.liangshai.core.ranking.InvalidSchemeException;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.tenants.Principal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scoring schemes (评价方案): anyone lists them; the province creates versions and retires them. {@code
 * standard} is built in: always version 1, never overwritten or retired.
 */
record SchemeRoutes(SchemeStore schemes, Audit audit, SchemeCodes codes) {

  private static final int CONFLICT = 409;

  /** {@code GET /api/v1/schemes}: every scheme with all its versions. */
  void list(RoutingContext ctx) {
    Authentication.principal(ctx);
    ApiResponses.readRows(
        ctx,
        () -> {
          Map<String, List<SchemeVersion>> byId = new LinkedHashMap<>();
          schemes
              .all()
              .forEach(v -> byId.computeIfAbsent(v.scheme().id(), id -> new ArrayList<>()).add(v));
          return byId.values().stream().map(SchemeRoutes::toJson).toList();
        });
  }

  /**
   * {@code POST /api/v1/schemes}: stores a definition as version 1 of a new id or the next version
   * of an existing one → 201 with the stored version.
   */
  void create(RoutingContext ctx) {
    Principal caller = Authentication.requireProvince(ctx, "create schemes");
    Scheme draft;
    try {
      draft = SchemeJson.parse(JsonBodies.object(ctx), 1);
    } catch (InvalidSchemeException e) {
      throw JsonBodies.invalid("", e);
    }
    if (SchemeStore.isBuiltIn(draft.id())) {
      throw new ApiException(
          CONFLICT,
          SchemeStore.STANDARD + " is built in and cannot be overwritten; choose another id");
    }
    ApiResponses.created(
        ctx,
        Blocking.admin(
            ctx,
            () -> {
              try {
                codes.check(draft);
              } catch (InvalidSchemeException e) {
                throw JsonBodies.invalid("", e);
              }
              SchemeVersion created = schemes.create(draft, caller.keyId());
              audit.record(
                  caller,
                  "scheme.create",
                  created.scheme().id() + "@" + created.scheme().version(),
                  new JsonObject().put("name", created.scheme().name()));
              return created.toJson();
            }));
  }

  /**
   * {@code POST /api/v1/schemes/{id}/retire}: retires every active version of {@code id}, or only
   * {@code id@n} → the scheme with all its versions. Retired versions stay readable as {@code
   * id@n}.
   */
  void retire(RoutingContext ctx) {
    Principal caller = Authentication.requireProvince(ctx, "retire schemes");
    SchemeRef ref = SchemeRef.parse(ctx.pathParam("id"), "the scheme in the path");
    if (SchemeStore.isBuiltIn(ref.id())) {
      throw new ApiException(CONFLICT, SchemeStore.STANDARD + " is built in and cannot be retired");
    }
    ApiResponses.ok(
        ctx,
        Blocking.admin(
            ctx,
            () -> {
              List<SchemeVersion> versions = schemes.retire(ref.id(), ref.version());
              if (versions.isEmpty()) {
                throw ApiException.notFound("no scheme '" + ref + "'");
              }
              audit.record(caller, "scheme.retire", ref.toString(), new JsonObject());
              return toJson(versions);
            }));
  }

  /**
   * One scheme: {@code id}, the newest version's {@code name}, {@code built_in}, {@code
   * current_version} (the newest not retired; null when all are) and {@code versions}.
   */
  private static JsonObject toJson(List<SchemeVersion> versions) {
    SchemeVersion newest = versions.get(versions.size() - 1);
    Integer current = null;
    JsonArray list = new JsonArray();
    for (SchemeVersion v : versions) {
      list.add(v.toJson());
      if (!v.isRetired()) {
        current = v.scheme().version();
      }
    }
    return new JsonObject()
        .put("id", newest.scheme().id())
        .put("name", newest.scheme().name())
        .put("built_in", newest.isBuiltIn())
        .put("current_version", current)
        .put("versions", list);
  }
}
