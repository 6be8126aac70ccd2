package io.liangshai.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liangshai.clickhouse.local.ClickHouseEndpoint;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.flink.local.LocalFlinkCluster;
import io.liangshai.kafka.local.LocalKafka;
import io.liangshai.log.RecordsTopic;
import io.liangshai.warehouse.Warehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code bin/liangshai cluster}: the scale-out layout on 127.0.0.1, in the foreground until Ctrl-C
 * or TERM stops everything it started — a Kafka broker, PostgreSQL, the local ClickHouse, a Flink
 * session cluster (one JobManager, two TaskManagers of two slots, each its own JVM) running the job
 * jar submitted through its REST API, and two {@code --role api} instances on {@code
 * LIANGSHAI_HTTP_PORT} and the port after it. Writes {@code $LIANGSHAI_DATA_DIR/cluster.json} once
 * both APIs answer {@code /healthz}.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the scale-out layout on this machine: Kafka, PostgreSQL, ClickHouse, a Flink session",
      "cluster (1 JobManager, 2 TaskManagers) with the job, and two API instances on",
      "LIANGSHAI_HTTP_PORT and LIANGSHAI_HTTP_PORT+1; writes LIANGSHAI_DATA_DIR/cluster.json.",
      "Ctrl-C or TERM stops everything it started."
    })
class ClusterCommand implements Callable<Integer> {

  static final int JOB_PARALLELISM = 2;
  private static final Duration HEALTHY = Duration.ofMinutes(3);

  @Override
  public Integer call() throws Exception {
    LiangshaiConfig config = RunCommand.withAdminKey(LiangshaiConfig.fromEnvironment());
    Closer started = new Closer();
    RunCommand.runUntilStopped(
        "liangshai-cluster-shutdown", started::close, () -> start(config, started));
    return 0;
  }

  private static void start(LiangshaiConfig config, Closer started) throws Exception {
    Path data = config.dataDir();
    Files.createDirectories(data);
    LocalKafka kafka = LocalKafka.start(config.kafkaDir());
    started.push(kafka);
    RecordsTopic topic = RecordsTopic.local(kafka.bootstrapServers()).ensure();
    MetadataServer postgres = MetadataServer.local(config.postgresDir());
    started.push(postgres);
    ClickHouseEndpoint clickhouse =
        ClickHouseEndpoint.local(LocalClickHouseConfig.of(config.clickhouseDir()));
    started.push(clickhouse);
    Warehouse.open(clickhouse.jdbcUrl()).close(); // the schema, before the job writes to it

    LocalFlinkCluster flink = LocalFlinkCluster.start(data.resolve("flink"), 2, 2);
    started.push(flink);
    String job =
        flink.submit(
            jobJar(),
            "io.liangshai.stream.CaseIndicatorsJob",
            List.of(
                "--kafka", topic.bootstrapServers(),
                "--topic", topic.name(),
                "--clickhouse", clickhouse.jdbcUrl(),
                "--checkpoints", data.resolve("checkpoints").toUri().toString()),
            JOB_PARALLELISM);

    List<Process> apis = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int port = config.httpPort() + i;
      Process api =
          startApi(config, port, kafka.bootstrapServers(), clickhouse.jdbcUrl(), postgres.url(), i);
      started.push(() -> stop(api));
      apis.add(api);
      urls.add("http://127.0.0.1:" + port);
    }
    for (String url : urls) {
      awaitHealthy(url);
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    urls.forEach(out.putArray("api")::add);
    out.put("flink_rest", flink.restUrl());
    out.put("job_id", job);
    ObjectNode pids = out.putObject("pids");
    flink.taskManagers().forEach(p -> pids.withArray("taskmanagers").add(p.pid()));
    pids.put("jobmanager", flink.jobManager().pid());
    apis.forEach(p -> pids.withArray("api").add(p.pid()));
    pids.put("kafka", kafka.process().pid());
    clickhouse.local().ifPresent(c -> pids.put("clickhouse", c.pid()));
    postgres.postmasterPid().ifPresent(pid -> pids.put("postgres", pid));
    Files.writeString(
        data.resolve("cluster.json"),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    System.out.println();
    System.out.println("liangshai cluster is running — Ctrl-C stops everything.");
    urls.forEach(u -> System.out.println("  api        " + u + "/"));
    System.out.println("  flink      " + flink.restUrl() + "/  (job " + job + ")");
    System.out.println("  admin key  " + config.adminKey().orElseThrow());
    System.out.println("  layout     " + data.resolve("cluster.json"));
    System.out.println();
  }

  /** An API instance: this launcher as {@code run --role api} over the shared servers. */
  private static Process startApi(
      LiangshaiConfig config, int port, String kafka, String clickhouse, String postgres, int index)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g",
            "-Dliangshai.home=" + System.getProperty("liangshai.home", "."),
            "-cp",
            System.getProperty("java.class.path"),
            Liangshai.class.getName(),
            "run",
            "--role",
            "api");
    pb.environment().put("LIANGSHAI_HTTP_PORT", Integer.toString(port));
    pb.environment().put("LIANGSHAI_ADMIN_KEY", config.adminKey().orElseThrow());
    pb.environment().put("LIANGSHAI_DATA_DIR", config.dataDir().toString());
    pb.environment().put("LIANGSHAI_KAFKA", kafka);
    pb.environment().put("LIANGSHAI_CLICKHOUSE_URL", clickhouse);
    pb.environment().put("LIANGSHAI_POSTGRES_URL", postgres);
    Path log = config.dataDir().resolve("logs").resolve("api-" + (index + 1) + ".log");
    Files.createDirectories(log.getParent());
    return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void awaitHealthy(String url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(HEALTHY);
    while (true) {
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url + "/healthz")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(url + " did not answer /healthz in " + HEALTHY);
      }
      Thread.sleep(250);
    }
  }

  private static void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  /** The job jar as `flink run` takes it, built by the stream-jobs module. */
  static Path jobJar() throws Exception {
    Path target = Path.of(System.getProperty("liangshai.home", "."), "stream-jobs", "target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "the job jar is not built under " + target + " (mvn package)"))
          .toAbsolutePath();
    }
  }
}
