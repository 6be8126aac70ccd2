package io.liangshai.launcher;

import io.liangshai.core.config.LiangshaiConfig;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/liangshai run}: the whole platform in the foreground until Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the platform in the foreground; Ctrl-C stops everything it started.",
      "Environment: LIANGSHAI_HTTP_PORT (8080), LIANGSHAI_ADMIN_KEY, LIANGSHAI_DATA_DIR (./var),",
      "LIANGSHAI_CLICKHOUSE_URL (an external ClickHouse; otherwise a local one is started),",
      "LIANGSHAI_CLICKHOUSE_CLUSTER (lay the tables out over that ClickHouse cluster: ON CLUSTER,",
      "replicated and distributed tables; needs LIANGSHAI_CLICKHOUSE_URL),",
      "LIANGSHAI_POSTGRES_URL (an external PostgreSQL, postgresql://USER:PASSWORD@HOST:PORT;",
      "otherwise a local one is started under LIANGSHAI_DATA_DIR/postgres),",
      "LIANGSHAI_KAFKA (an external Kafka for the records log, HOST:PORT,…; otherwise a local",
      "broker is started under LIANGSHAI_DATA_DIR/kafka; required for --role api and job)."
    })
class RunCommand implements Callable<Integer> {

  @Option(
      names = "--role",
      defaultValue = "all",
      description = {
        "all (default): everything in this process; api: the API, web page, ingest and bulletin",
        "scheduler, no Flink job; job: the indicators job only, no HTTP. Processes of several roles",
        "share one ClickHouse, PostgreSQL, Kafka and LIANGSHAI_DATA_DIR (its landing zone)."
      })
  Role role = Role.ALL;

  @Override
  public Integer call() throws Exception {
    LiangshaiConfig config = withAdminKey(LiangshaiConfig.fromEnvironment());
    Platform platform = new Platform(config, role);
    startAndWait(platform, () -> printWhereToLook(platform, config));
    return 0;
  }

  static LiangshaiConfig withAdminKey(LiangshaiConfig config) {
    if (config.adminKey().isPresent()) {
      return config;
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return config.withAdminKey(
        "admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Starts, runs {@code afterStart}, then blocks until the JVM is asked to stop. */
  static void startAndWait(Platform platform, ThrowingRunnable afterStart) throws Exception {
    runUntilStopped(
        "liangshai-shutdown",
        platform::close,
        () -> {
          platform.start();
          afterStart.run();
        });
  }

  /**
   * Runs {@code start}, then blocks until the JVM is asked to stop; {@code stop} runs then, on the
   * shutdown thread {@code name}, or at once when {@code start} fails.
   */
  static void runUntilStopped(String name, Runnable stop, ThrowingRunnable start) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.run();
              stopped.countDown();
            },
            name);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      start.run();
    } catch (Exception e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      stop.run();
      throw e;
    }
    stopped.await();
  }

  private static void printWhereToLook(Platform platform, LiangshaiConfig config) {
    if (!platform.role().servesHttp()) {
      System.out.println();
      System.out.println("liangshai is running (role " + platform.role() + ") — Ctrl-C stops it.");
      System.out.println("  data       " + config.dataDir());
      System.out.println();
      return;
    }
    String url = platform.baseUrl();
    System.out.println();
    System.out.println("liangshai is running — Ctrl-C stops it.");
    System.out.println("  web page   " + url + "/");
    System.out.println("  health     " + url + "/healthz");
    System.out.println("  API docs   " + url + "/api/v1/openapi.yaml");
    System.out.println("  admin key  " + config.adminKey().orElseThrow());
    System.out.println("  data       " + config.dataDir());
    System.out.println();
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
