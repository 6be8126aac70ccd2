package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static io.liangshai.api.Answers.describe;
import static io.liangshai.api.Answers.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.core.warning.PriorRiskModel;
import io.liangshai.ingest.BatchIntake;
import io.liangshai.ingest.LandingZone;
import io.liangshai.metadata.MetadataStores;
import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.testing.SampleCounts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real {@link ApiServer} for a test class, started once before its tests and closed after them.
 *
 * <pre>{@code
 * @RegisterExtension static final ApiTestServer API = new ApiTestServer();
 *
 * JsonObject me = API.ok(API.get("/api/v1/me", API.key("330522")));
 * }</pre>
 *
 * <p>The server listens on port 0 over a real ClickHouse (a database of the class's own, from
 * {@link ClickHouseExtension}) and a real PostgreSQL for keys, schemes and bulletin numbers (a
 * migrated database of the class's own, from {@link MetadataExtension}), the shipped Zhejiang
 * registry and a {@link BatchIntake} over a temporary landing zone (its upload audit back-filled by
 * a {@link LandingAuditSync}, as the launcher wires it), with a random province admin key. Test
 * methods may also take the server as a parameter. A class that needs a ClickHouse of its own calls
 * {@link #open(String, DataSource)} and {@link #close()} itself.
 *
 * <p>Every request goes out through {@link #request(HttpMethod, String)} on one {@link WebClient}:
 * each answer must match the OpenAPI document ({@link OpenApiContract}).
 */
final class ApiTestServer
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver, AutoCloseable {

  static final String HOST = "127.0.0.1";

  private final LiangshaiConfig.Limits limits;
  private final ClickHouseExtension clickhouse = new ClickHouseExtension();
  private final MetadataExtension metadataDatabase = new MetadataExtension();
  private final String adminKey = "test-admin-" + UUID.randomUUID();
  private final TenantRegistry registry = TenantRegistryLoader.loadDefault();
  private final Map<String, String> keys = new ConcurrentHashMap<>();
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private boolean sampleCounts;
  private Path landing;
  private Warehouse warehouse;
  private DataSource metadata;
  private ApiServices services;
  private ApiServer server;
  private WebClient client;

  /** A server with the default body, row and request limits. */
  ApiTestServer() {
    this(LiangshaiConfig.Limits.DEFAULTS);
  }

  ApiTestServer(LiangshaiConfig.Limits limits) {
    this.limits = limits;
  }

  /** A server whose warehouse holds the sample feed's figures ({@link SampleCounts}) once open. */
  ApiTestServer withSampleCounts() {
    sampleCounts = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    clickhouse.beforeAll(context);
    metadataDatabase.beforeAll(context);
    // A pool, as the platform's Services has: a key lookup must not open a connection each time.
    HikariDataSource pool = metadataDatabase.openPool();
    try {
      open(clickhouse.jdbcUrl(), pool);
    } finally {
      opened.addLast(pool::close);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      close();
    } finally {
      try {
        metadataDatabase.afterAll(context);
      } finally {
        clickhouse.afterAll(context);
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ApiTestServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return this;
  }

  /**
   * Opens the warehouse at {@code jdbcUrl} (applying the schema) and starts the server over it and
   * the migrated metadata database {@code metadata}. The server runs on a Vert.x of its own, so
   * that assertions running on the client's event loop never hold up the server.
   */
  /**
   * The records log of this server's intake: a topic of its own on the test JVM's shared Kafka, as
   * the launcher opens one on the platform's.
   */
  private io.liangshai.log.RecordsLog records() throws Exception {
    io.liangshai.log.RecordsLog log = newRecordsLog();
    opened.push(log::close);
    return log;
  }

  /** A records log on a new topic of the test JVM's shared Kafka; the caller closes it. */
  static io.liangshai.log.RecordsLog newRecordsLog() throws Exception {
    String id = java.util.UUID.randomUUID().toString().substring(0, 8);
    return io.liangshai.log.RecordsLog.open(
        new io.liangshai.log.RecordsTopic(
                io.liangshai.kafka.local.testing.SharedKafka.bootstrapServers(),
                "api-test-" + id,
                1,
                (short) 1)
            .ensure(),
        "api-test-" + id);
  }

  ApiTestServer open(String jdbcUrl, DataSource metadata) throws Exception {
    this.metadata = metadata;
    landing = Files.createTempDirectory("api-test-landing");
    opened.push(() -> deleteTree(landing));
    warehouse = Warehouse.open(jdbcUrl);
    opened.push(warehouse);
    if (sampleCounts) {
      SampleCounts.load(warehouse);
    }
    LandingZone zone = new LandingZone(landing);
    BatchIntake intake =
        new BatchIntake(
            zone,
            registry,
            new PostgresVersionIndex(metadata, Clock.systemUTC()),
            records(),
            Clock.systemUTC(),
            limits.maxRowsPerBatch());
    opened.push(intake);
    opened.push(new LandingAuditSync(zone, warehouse, Clock.systemUTC()).start());
    Vertx serverVertx = Vertx.vertx();
    opened.push(() -> await(serverVertx.close()));
    ApiServer started = newServer(serverVertx, intake);
    await(started.start(HOST, 0));
    opened.push(() -> await(started.stop()));
    server = started;
    Vertx clientVertx = Vertx.vertx();
    opened.push(() -> await(clientVertx.close()));
    client = WebClient.create(clientVertx);
    OpenApiContract.watch(client);
    opened.push(client::close);
    return this;
  }

  /** The one place the server under test is built, on services wired as the launcher wires them. */
  private ApiServer newServer(Vertx serverVertx, BatchIntake intake) {
    services =
        ApiServices.of(
            warehouse,
            MetadataStores.on(metadata, Clock.systemUTC()),
            registry,
            adminKey,
            intake,
            Clock.systemUTC(),
            new PriorRiskModel());
    opened.push(services);
    return new ApiServer(serverVertx, services, limits);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  // --- what the server was given ----------------------------------------------------------------

  /** The province administrator's key. */
  String adminKey() {
    return adminKey;
  }

  TenantRegistry registry() {
    return registry;
  }

  /** The server's warehouse, e.g. to load figures into it. */
  Warehouse warehouse() {
    return requireOpen(warehouse);
  }

  /**
   * The server's migrated metadata database (keys, schemes, bulletin numbers), e.g. to break it or
   * to run a bulletin scheduler on.
   */
  DataSource metadata() {
    return requireOpen(metadata);
  }

  /** The class's ClickHouse (when registered as an extension). */
  ClickHouseExtension clickhouse() {
    return clickhouse;
  }

  /** The landing zone the server's intake writes to. */
  Path landing() {
    return requireOpen(landing);
  }

  /** The services the server was given, as the launcher builds them (its publisher, for one). */
  ApiServices services() {
    return requireOpen(services);
  }

  /** The server under test, e.g. to attach a bulletin scheduler to it. */
  ApiServer server() {
    return requireOpen(server);
  }

  /** A fresh router of the server under test, to inspect its route table. */
  Router router() {
    return server().router();
  }

  int port() {
    return server().port();
  }

  // --- requests ---------------------------------------------------------------------------------

  /** A request without a key; every other request is built on this one. */
  HttpRequest<Buffer> request(HttpMethod method, String uri) {
    return requireOpen(client).request(method, port(), HOST, uri);
  }

  /** A request with {@code key} as its bearer token. */
  HttpRequest<Buffer> request(HttpMethod method, String uri, String key) {
    return request(method, uri).putHeader("Authorization", "Bearer " + key);
  }

  HttpRequest<Buffer> get(String uri, String key) {
    return request(HttpMethod.GET, uri, key);
  }

  HttpRequest<Buffer> post(String uri, String key) {
    return request(HttpMethod.POST, uri, key);
  }

  HttpRequest<Buffer> put(String uri, String key) {
    return request(HttpMethod.PUT, uri, key);
  }

  HttpRequest<Buffer> delete(String uri, String key) {
    return request(HttpMethod.DELETE, uri, key);
  }

  // --- shared steps -----------------------------------------------------------------------------

  /** Issues a key named {@code name} for {@code tenant} with the admin key; the 201's body. */
  JsonObject issue(String tenant, String name) throws Exception {
    HttpResponse<Buffer> r =
        await(
            post("/api/v1/tenants/" + tenant + "/keys", adminKey)
                .sendJsonObject(new JsonObject().put("name", name)));
    assertThat(r.statusCode()).as("issuing a key: " + describe(r)).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  /** A fresh key of {@code tenant}; the secret. */
  String issueKey(String tenant) throws Exception {
    return issue(tenant, "test key").getString("key");
  }

  /** The class's key of {@code tenant}, issued on first use. */
  String key(String tenant) throws Exception {
    String key = keys.get(tenant);
    if (key == null) {
      key = issueKey(tenant);
      keys.put(tenant, key);
    }
    return key;
  }

  /** Uploads {@code body} as {@code contentType} with {@code key}; the answer, whatever it is. */
  HttpResponse<Buffer> upload(String key, String contentType, Buffer body) throws Exception {
    return await(
        post("/api/v1/cases", key).putHeader("Content-Type", contentType).sendBuffer(body));
  }

  /** The platform's Prometheus text, scraped from {@code /metrics}. */
  String metrics() throws Exception {
    return send(request(HttpMethod.GET, "/metrics")).bodyAsString();
  }

  /**
   * The value of the first sample of {@code metric}, e.g. {@code liangshai_http_requests_total}.
   */
  double metric(String metric) throws Exception {
    return metrics()
        .lines()
        .filter(l -> l.startsWith(metric))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample of " + metric + " in /metrics"));
  }

  /** Closes what {@link #open} opened, last first, and forgets the issued keys. */
  @Override
  public void close() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
    services = null;
    server = null;
    client = null;
    keys.clear();
  }

  private static <T> T requireOpen(T value) {
    if (value == null) {
      throw new IllegalStateException(
          "ApiTestServer is not open: register it on a static field with @RegisterExtension");
    }
    return value;
  }
}
