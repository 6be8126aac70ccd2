package io.liangshai.api;

import io.liangshai.core.evaluation.BuiltInIndicators;
import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorDefinitionParser;
import io.liangshai.core.ranking.InvalidSchemeException;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.SchemeIndicator;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.time.Period;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.LeagueTables;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * League tables (晾晒评价, SPEC §4): {@code GET /api/v1/rankings} for any caller (league tables are
 * public within the platform) and {@code POST /api/v1/rankings/preview} for the province, which
 * ranks with a scheme that is not saved. A table of built-in rates is answered from {@link
 * AnswerCache} while the counts' version, the minute, the scheme, the indicators in force and the
 * group stand (ETag, 304, gzip).
 */
record RankingRoutes(
    TenantRegistry registry,
    SchemeStore schemes,
    LeagueTables tables,
    SchemeCodes codes,
    AnswerCache answers) {

  private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Set<String> PREVIEW_FIELDS =
      Set.of("period", "group", "scheme", "indicators");
  private static final int MAX_DRAFTS = 20;
  private static final String PREVIEW_ID = "preview";
  private static final String PREVIEW_NAME = "预览方案";
  private static final int CONFLICT = 409;

  /**
   * {@code GET /api/v1/rankings?period=P&group=G&scheme=S}; {@code scheme} defaults to standard.
   */
  void rankings(RoutingContext ctx) {
    // any key: league tables are public within the platform; kept answers are still per scope
    String scope = Authentication.principal(ctx).tenantCode();
    Period period = Params.period(ctx);
    String group = Params.required(ctx, "group", "counties");
    String schemeText = Params.optional(ctx, "scheme");
    SchemeRef ref =
        SchemeRef.parse(schemeText == null ? SchemeStore.STANDARD : schemeText, "scheme");
    List<Tenant> members = members(group);
    List<Object> key = List.of("rankings", scope, period.toString(), group, ref.toString());
    AnswerCache.serve(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              Scheme scheme = schemes.find(ref).orElseThrow(() -> unknownScheme(ref)).scheme();
              Map<String, IndicatorDefinition> inForce = inForce(scheme);
              Callable<JsonObject> table =
                  () ->
                      LeagueTableJson.toJson(
                          period,
                          group,
                          tables.compute(
                              period, codes(members), scheme, List.copyOf(inForce.values())),
                          registry,
                          inForce);
              if (!scheme.customIndicators().isEmpty()) {
                return AnswerCache.uncached(table.call()); // reported figures: not versioned
              }
              Object stamp = List.of(tables.inputs(period), scheme, inForce, members);
              return answers.answer(key, stamp, table);
            }));
  }

  /**
   * {@code POST /api/v1/rankings/preview} with {@code {"period", "group", "scheme": {definition}}}:
   * the table under a scheme that is not saved ({@code id} and {@code name} may be left out), and
   * with {@code "indicators": [definition…]} draft indicators the scheme may score beside those in
   * force (a draft of a defined code stands in for its definition in force). Nothing is stored.
   */
  void preview(RoutingContext ctx) {
    Authentication.requireProvince(ctx, "preview schemes");
    Preview request = preview(JsonBodies.object(ctx));
    List<Tenant> members = members(request.group());
    ApiResponses.read(
        ctx,
        () -> {
          Map<String, IndicatorDefinition> inForce = new HashMap<>(codes.inForce());
          request.drafts().forEach(d -> inForce.put(d.code(), d));
          try {
            codes.check(request.scheme(), inForce);
          } catch (InvalidSchemeException e) {
            throw JsonBodies.invalid("scheme.", e);
          }
          LeagueTable table =
              tables.compute(
                  request.period(),
                  codes(members),
                  request.scheme(),
                  List.copyOf(inForce.values()));
          return LeagueTableJson.toJson(request.period(), request.group(), table, registry, inForce)
              .put("preview", true);
        });
  }

  /**
   * The indicators in force; 409 when the stored {@code scheme} scores a code that is no longer in
   * force (retired since the scheme was saved).
   */
  private Map<String, IndicatorDefinition> inForce(Scheme scheme) {
    Map<String, IndicatorDefinition> inForce = codes.inForce();
    for (SchemeIndicator indicator : scheme.customIndicators()) {
      if (!inForce.containsKey(indicator.code())) {
        throw new ApiException(
            CONFLICT,
            "scheme "
                + scheme.id()
                + "@"
                + scheme.version()
                + " scores "
                + indicator.code()
                + ", which is retired; save a new version of the scheme without it");
      }
    }
    return inForce;
  }

  /** A preview request, read field by field. */
  private record Preview(
      Period period, String group, Scheme scheme, List<IndicatorDefinition> drafts) {}

  private static Preview preview(JsonObject body) {
    for (String key : body.fieldNames()) {
      if (!PREVIEW_FIELDS.contains(key)) {
        throw JsonBodies.invalid(
            key, "is not a preview field; expected period, group, scheme and indicators");
      }
    }
    Period period = period(body.getValue("period"));
    if (!(body.getValue("group") instanceof String group)) {
      throw JsonBodies.invalid("group", "is required, a peer group such as counties");
    }
    if (!(body.getValue("scheme") instanceof JsonObject definition)) {
      throw JsonBodies.invalid(
          "scheme", "is required, a scheme definition {name, indicators, ...}");
    }
    JsonObject draft = definition.copy();
    if (draft.getValue("id") == null) {
      draft.put("id", PREVIEW_ID);
    }
    if (draft.getValue("name") == null) {
      draft.put("name", PREVIEW_NAME);
    }
    try {
      return new Preview(period, group, SchemeJson.parse(draft, 1), drafts(body));
    } catch (InvalidSchemeException e) {
      throw JsonBodies.invalid("scheme.", e);
    }
  }

  /**
   * The draft indicators of a preview, each parsed as {@code POST /api/v1/indicators} parses one;
   * 400 naming the first problem under {@code indicators[i].}. Built-in codes are not drafted here
   * (their figures come from the counts, only their name and target may change).
   */
  private static List<IndicatorDefinition> drafts(JsonObject body) {
    Object value = body.getValue("indicators");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || array.size() > MAX_DRAFTS) {
      throw JsonBodies.invalid(
          "indicators", "must be a list of at most " + MAX_DRAFTS + " indicator definitions");
    }
    List<IndicatorDefinition> drafts = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String field = "indicators[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject json)) {
        throw JsonBodies.invalid(field, "must be an indicator definition {code, name, kind, ...}");
      }
      IndicatorDefinitionParser.Result parsed = IndicatorDefinitionParser.parse(json.getMap());
      if (!parsed.isValid()) {
        FieldError first = parsed.errors().get(0);
        throw JsonBodies.invalid(field + "." + first.field(), first.message());
      }
      IndicatorDefinition d = parsed.definition();
      if (BuiltInIndicators.isBuiltIn(d.code())) {
        throw JsonBodies.invalid(
            field + ".code", d.code() + " is built in; a preview drafts other indicators only");
      }
      if (drafts.stream().anyMatch(other -> other.code().equals(d.code()))) {
        throw JsonBodies.invalid(field + ".code", d.code() + " is drafted twice");
      }
      drafts.add(d);
    }
    return List.copyOf(drafts);
  }

  /** Every member of {@code group}; 404 naming the known groups when there is none. */
  private List<Tenant> members(String group) {
    if (!GROUP.matcher(group).matches()) {
      throw ApiException.badRequest(
          "group must be a peer group name (letters, digits, '_', '-'), one of "
              + registry.groups());
    }
    List<Tenant> members = registry.members(group);
    if (members.isEmpty()) {
      throw ApiException.notFound(
          "unknown peer group '" + group + "'; known groups: " + registry.groups());
    }
    return members;
  }

  private static List<String> codes(List<Tenant> members) {
    return members.stream().map(Tenant::code).toList();
  }

  private ApiException unknownScheme(SchemeRef ref) {
    return ApiException.notFound(
        ref.version() == null
            ? "no active scheme '" + ref.id() + "'; GET /api/v1/schemes lists them"
            : "no scheme '" + ref + "'; GET /api/v1/schemes lists the versions");
  }

  private static Period period(Object value) {
    if (!(value instanceof String text)) {
      throw JsonBodies.invalid("period", "is required, e.g. 2024-03");
    }
    try {
      return Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw JsonBodies.invalid("period", e.getMessage());
    }
  }
}
