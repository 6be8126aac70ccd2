package io.liangshai.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the route table does not match, answered in JSON like every other error: 404 for an unknown
 * path, 405 with {@code Allow} for a known path and another method, 400 for a path that does not
 * decode — never Vert.x's HTML or plain-text page.
 */
final class RouteMisses {

  private static final Pattern PARAM = Pattern.compile(":[A-Za-z0-9_]+");

  private record Known(Pattern path, Set<HttpMethod> methods) {}

  private final List<Known> known = new ArrayList<>();

  /** Reads the method of every path of {@code router} (call once its routes are all added). */
  RouteMisses(Router router) {
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      Set<HttpMethod> methods = route.methods();
      if (path == null || path.endsWith("*") || methods == null || methods.isEmpty()) {
        continue;
      }
      known.add(new Known(pattern(path), methods));
    }
  }

  /**
   * The router's 404 and 405: a known path with another method is 405 with {@code Allow} (Vert.x
   * reports some of those as 404, as the web page's catch-all route matches every path).
   */
  void miss(RoutingContext ctx) {
    String path = ctx.request().path();
    Set<String> allowed = new TreeSet<>();
    for (Known k : known) {
      if (path != null && k.path().matcher(path).matches()) {
        k.methods().forEach(m -> allowed.add(m.name()));
      }
    }
    if (allowed.isEmpty() || allowed.contains(ctx.request().method().name())) {
      ApiResponses.error(ctx, 404, "no such resource: " + shown(path));
      return;
    }
    String allow = String.join(", ", allowed);
    ctx.response().putHeader("Allow", allow);
    ApiResponses.error(
        ctx,
        405,
        ctx.request().method().name()
            + " is not allowed on "
            + shown(path)
            + "; allowed: "
            + allow);
  }

  /** The router's 400, before any route: a path that does not decode. */
  void badRequest(RoutingContext ctx) {
    ApiResponses.error(
        ctx,
        400,
        "the request path could not be read: each % must be followed by two hexadecimal digits"
            + " of UTF-8 (write a literal % as %25)");
  }

  private static Pattern pattern(String path) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAM.matcher(path);
    int at = 0;
    while (m.find()) {
      regex.append(Pattern.quote(path.substring(at, m.start()))).append("[^/]+");
      at = m.end();
    }
    regex.append(Pattern.quote(path.substring(at)));
    return Pattern.compile(regex.toString());
  }

  private static String shown(String path) {
    return path == null ? "(no path)" : path.length() > 200 ? path.substring(0, 200) + "…" : path;
  }
}
