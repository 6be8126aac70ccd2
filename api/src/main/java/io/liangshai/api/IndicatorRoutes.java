package io.liangshai.api;

import io.liangshai.core.evaluation.BuiltInIndicators;
import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorDefinitionParser;
import io.liangshai.core.record.FieldError;
import io.liangshai.tenants.Principal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * 8+X indicators (SPEC §7): every key lists them; the province defines versions and retires them.
 * The four built-in rates are listed too; of them only name and target may change, and they are
 * never retired.
 */
record IndicatorRoutes(IndicatorCatalog catalog, Audit audit) {

  private static final int CONFLICT = 409;

  /** {@code GET /api/v1/indicators}: built-in and defined, each with its stored versions. */
  void list(RoutingContext ctx) {
    Authentication.principal(ctx);
    ApiResponses.readRows(ctx, () -> catalog.all().stream().map(IndicatorRoutes::toJson).toList());
  }

  /**
   * {@code POST /api/v1/indicators}: stores a definition as the next version of its code → 201; 400
   * with every {@link FieldError} of it, the first one's field in {@code field}.
   */
  void create(RoutingContext ctx) {
    Principal caller = Authentication.requireProvince(ctx, "define indicators");
    IndicatorDefinitionParser.Result parsed =
        IndicatorDefinitionParser.parse(JsonBodies.object(ctx).getMap());
    if (!parsed.isValid()) {
      reject(ctx, parsed);
      return;
    }
    IndicatorDefinition draft = parsed.definition();
    ApiResponses.created(
        ctx,
        Blocking.admin(
            ctx,
            () -> {
              IndicatorCatalog.Version created = catalog.create(draft, caller.keyId());
              audit.record(
                  caller,
                  "indicator.create",
                  draft.code() + "@" + created.version(),
                  new JsonObject().put("name", draft.name()).put("kind", draft.kind().wireName()));
              return toJson(created);
            }));
  }

  /** {@code POST /api/v1/indicators/{code}/retire}: retires every version → the indicator. */
  void retire(RoutingContext ctx) {
    Principal caller = Authentication.requireProvince(ctx, "retire indicators");
    String code = ctx.pathParam("code");
    if (BuiltInIndicators.isBuiltIn(code)) {
      throw new ApiException(CONFLICT, code + " is built in and cannot be retired");
    }
    ApiResponses.ok(
        ctx,
        Blocking.admin(
            ctx,
            () -> {
              IndicatorCatalog.Entry entry =
                  catalog
                      .retire(code)
                      .orElseThrow(() -> ApiException.notFound("no indicator '" + code + "'"));
              audit.record(caller, "indicator.retire", code, new JsonObject());
              return toJson(entry);
            }));
  }

  private static void reject(RoutingContext ctx, IndicatorDefinitionParser.Result parsed) {
    FieldError first = parsed.errors().get(0);
    JsonObject body =
        JsonBodies.body(JsonBodies.invalid(first.field(), first.message()))
            .put("errors", BatchErrorRoutes.json(parsed.errors(), parsed.errors().size()));
    ApiResponses.json(ctx, 400, body);
  }

  /**
   * A code: its current definition, {@code built_in}, {@code current_version}, {@code versions}.
   */
  private static JsonObject toJson(IndicatorCatalog.Entry entry) {
    JsonObject json =
        entry.current() == null
            ? new JsonObject().put("code", entry.code())
            : new JsonObject(entry.current().toJson());
    JsonArray versions = new JsonArray();
    entry.versions().forEach(v -> versions.add(toJson(v)));
    return json.put("built_in", entry.isBuiltIn())
        .put("retired", entry.current() == null)
        .put("current_version", entry.currentVersion())
        .put("versions", versions);
  }

  private static JsonObject toJson(IndicatorCatalog.Version v) {
    return new JsonObject(v.definition().toJson())
        .put("version", v.version())
        .put("created_at", v.createdAt().toString())
        .put("created_by", v.createdBy())
        .put("retired_at", v.retiredAt().map(Object::toString).orElse(null));
  }
}
