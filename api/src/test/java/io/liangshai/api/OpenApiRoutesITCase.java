package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live router and the OpenAPI document name the same operations: a route without an operation,
 * or an operation without a route, fails. (The router needs a {@link
 * io.liangshai.warehouse.Warehouse}, hence a running server; no request is sent.)
 */
class OpenApiRoutesITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer();

  @Test
  void everyRouteIsDocumentedAndEveryOperationIsServed() throws Exception {
    Set<String> served = served(API.router().getRoutes());

    assertThat(documented(OpenApiDocumentTest.parsed().getOpenAPI()))
        .containsExactlyInAnyOrderElementsOf(served);
  }

  /** {@code GET /api/v1/batches/{batch_id}} for each method and concrete path of the router. */
  private static Set<String> served(List<Route> routes) {
    Set<String> served = new TreeSet<>();
    for (Route route : routes) {
      String path = route.getPath();
      if (path == null || path.endsWith("*") || route.methods() == null) {
        continue;
      }
      for (HttpMethod m : route.methods()) {
        String op = m.name() + " " + path.replaceAll(":([a-z_]+)", "{$1}");
        if (!OpenApiContract.NOT_THE_API.contains(op)) {
          served.add(op);
        }
      }
    }
    return served;
  }

  /** Each operation with its server's path in front, e.g. {@code /api/v1} or {@code /}. */
  private static Set<String> documented(OpenAPI api) {
    String base = api.getServers().get(0).getUrl();
    Set<String> documented = new TreeSet<>();
    api.getPaths()
        .forEach(
            (path, item) -> {
              List<Server> servers = item.getServers();
              String prefix = servers == null || servers.isEmpty() ? base : servers.get(0).getUrl();
              String full =
                  (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix) + path;
              item.readOperationsMap()
                  .keySet()
                  .forEach(method -> documented.add(method.name() + " " + full));
            });
    return documented;
  }
}
