package io.liangshai.api;

import io.liangshai.core.time.Period;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.tenants.TenantRegistry;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Query parameters, validated, with a 400 that says what was expected. */
final class Params {

  private Params() {}

  /**
   * The route table's early check: a query string that is not valid percent-encoding ({@code
   * ?period=%zz}) is answered 400 once, here, before any route reads a parameter.
   */
  static void checkQueryString(RoutingContext ctx) {
    String query = ctx.request().query();
    if (query != null && !query.isEmpty()) {
      try {
        ctx.queryParams();
      } catch (RuntimeException e) {
        ApiResponses.error(
            ctx,
            400,
            "the query string is not valid percent-encoding: each % must be followed by two"
                + " hexadecimal digits of UTF-8 (write a literal % as %25)");
        return;
      }
    }
    ctx.next();
  }

  static String optional(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw ApiException.badRequest("parameter " + name + " is given more than once");
    }
    if (values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    String v = values.get(0).strip();
    if (v.length() > 64) {
      throw ApiException.badRequest("parameter " + name + " is too long");
    }
    return v;
  }

  static String required(RoutingContext ctx, String name, String example) {
    String v = optional(ctx, name);
    if (v == null) {
      throw ApiException.badRequest(
          "parameter " + name + " is required, e.g. " + name + "=" + example);
    }
    return v;
  }

  /** A whole number in {@code [min, max]}; {@code dflt} when absent. */
  static int integer(RoutingContext ctx, String name, int dflt, int min, int max) {
    String v = optional(ctx, name);
    if (v == null) {
      return dflt;
    }
    if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
      throw ApiException.badRequest(
          "parameter "
              + name
              + " must be a whole number from "
              + min
              + " to "
              + max
              + ", got '"
              + v
              + "'");
    }
    return Integer.parseInt(v);
  }

  /** {@code true} or {@code false}; false when absent. */
  static boolean bool(RoutingContext ctx, String name) {
    String v = optional(ctx, name);
    if (v == null || v.equals("false")) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    throw ApiException.badRequest("parameter " + name + " must be true or false, got '" + v + "'");
  }

  static Period period(RoutingContext ctx) {
    String text = required(ctx, "period", "2024-03");
    try {
      return Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "period '"
              + text
              + "' is not a month (2024-03), quarter (2024-Q1), year (2024) or ISO week (2024-W09)");
    }
  }

  static Tenant tenant(RoutingContext ctx, TenantRegistry registry, String code) {
    if (!code.matches("\\d{6}")) {
      throw ApiException.badRequest("tenant must be a 6-digit code, got '" + code + "'");
    }
    return registry.find(code).orElseThrow(() -> ApiException.notFound("unknown tenant " + code));
  }

  static TenantLevel level(String text) {
    return switch (text) {
      case "county" -> TenantLevel.COUNTY;
      case "city" -> TenantLevel.CITY;
      // SPEC §5: level=county|city; the province is one tenant, asked for with tenant=330000.
      default ->
          throw ApiException.badRequest(
              "level must be county or city (the province: tenant=CODE), got '" + text + "'");
    };
  }
}
