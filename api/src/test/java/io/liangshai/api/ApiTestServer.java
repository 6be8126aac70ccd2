package io.liangshai.api;

import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.ingest.BatchIntake;
import io.liangshai.ingest.LandingZone;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.Warehouse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * A real {@link ApiServer} on port 0 over a real ClickHouse (the test class's database), the
 * shipped Zhejiang registry and a {@link BatchIntake} over a temporary landing zone (its upload
 * audit back-filled by a {@link LandingAuditSync}, as the launcher wires it), with a {@link
 * WebClient} on the test's Vert.x and a random province admin key. Every answer that client
 * receives must match the OpenAPI document ({@link OpenApiContract}).
 */
final class ApiTestServer implements AutoCloseable {

  static final String HOST = "127.0.0.1";

  final String adminKey = "test-admin-" + UUID.randomUUID();
  final TenantRegistry registry = TenantRegistryLoader.loadDefault();
  final Warehouse warehouse;
  private final BatchIntake intake;
  private final LandingAuditSync auditSync;

  /** The services the server is given, as the launcher builds them (its publisher, for one). */
  final ApiServices services;

  private final ApiServer server;
  private final Vertx serverVertx = Vertx.vertx();
  private final WebClient client;

  /**
   * The server runs on a Vert.x of its own, so that assertions running on the client's event loop
   * never hold up the server.
   */
  private ApiTestServer(
      Vertx clientVertx, Warehouse warehouse, Path landing, LiangshaiConfig.Limits limits)
      throws Exception {
    this.warehouse = warehouse;
    LandingZone zone = new LandingZone(landing);
    this.intake = new BatchIntake(zone, registry, Clock.systemUTC(), limits.maxRowsPerBatch());
    this.auditSync = new LandingAuditSync(zone, warehouse, Clock.systemUTC()).start();
    this.services =
        ApiServices.onClickHouse(warehouse, registry, adminKey, intake, Clock.systemUTC());
    this.server = new ApiServer(serverVertx, services, limits);
    this.client = WebClient.create(clientVertx);
    OpenApiContract.watch(client);
  }

  /** Opens the warehouse at {@code jdbcUrl} (applying the schema) and starts the server. */
  static ApiTestServer start(Vertx clientVertx, String jdbcUrl, Path landing) throws Exception {
    return start(clientVertx, jdbcUrl, landing, LiangshaiConfig.Limits.DEFAULTS);
  }

  /** As {@link #start(Vertx, String, Path)}, with other body, row and request limits. */
  static ApiTestServer start(
      Vertx clientVertx, String jdbcUrl, Path landing, LiangshaiConfig.Limits limits)
      throws Exception {
    ApiTestServer api = new ApiTestServer(clientVertx, Warehouse.open(jdbcUrl), landing, limits);
    api.server.start(HOST, 0).toCompletionStage().toCompletableFuture().get();
    return api;
  }

  /** The server under test, e.g. to attach a bulletin scheduler to it. */
  ApiServer server() {
    return server;
  }

  /** A fresh router of the server under test, to inspect its route table. */
  Router router() {
    return server.router();
  }

  HttpRequest<Buffer> get(String uri, String key) {
    return client.get(server.port(), HOST, uri).putHeader("Authorization", "Bearer " + key);
  }

  /** A request without a key, or with any method. */
  HttpRequest<Buffer> request(io.vertx.core.http.HttpMethod method, String uri) {
    return client.request(method, server.port(), HOST, uri);
  }

  int port() {
    return server.port();
  }

  HttpRequest<Buffer> post(String uri, String key) {
    return client.post(server.port(), HOST, uri).putHeader("Authorization", "Bearer " + key);
  }

  /** Issues a key for {@code tenant} with the admin key; the secret. */
  Future<String> issueKey(String tenant) {
    return post("/api/v1/tenants/" + tenant + "/keys", adminKey)
        .sendJsonObject(new JsonObject().put("name", "test key"))
        .map(
            r -> {
              if (r.statusCode() != 201) {
                throw new IllegalStateException(
                    "issuing a key → " + r.statusCode() + " " + r.bodyAsString());
              }
              return r.bodyAsJsonObject().getString("key");
            });
  }

  static String describe(HttpResponse<Buffer> r) {
    return r.statusCode() + " " + r.bodyAsString();
  }

  @Override
  public void close() throws Exception {
    client.close();
    server.stop().toCompletionStage().toCompletableFuture().get();
    services.close();
    serverVertx.close().toCompletionStage().toCompletableFuture().get();
    auditSync.close();
    intake.close();
    warehouse.close();
  }
}
