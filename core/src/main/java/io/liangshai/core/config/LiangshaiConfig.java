package io.liangshai.core.config;

import io.liangshai.core.lang.Required;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The platform's configuration in one typed object. Values come from the environment ({@code
 * LIANGSHAI_*}), which wins over an optional properties file named by {@code LIANGSHAI_CONFIG}
 * (keys like {@code http.port}), which wins over the defaults.
 *
 * @param httpHost address the API binds to ({@code LIANGSHAI_HTTP_HOST}, default 127.0.0.1)
 * @param httpPort API port ({@code LIANGSHAI_HTTP_PORT}, default 8080; 0 picks a free one)
 * @param adminKey the province admin key ({@code LIANGSHAI_ADMIN_KEY}); empty means generate one
 * @param dataDir where the landing zone, checkpoints, the local ClickHouse and the local PostgreSQL
 *     live ({@code LIANGSHAI_DATA_DIR}, default {@code ./var})
 * @param clickhouseUrl an external ClickHouse ({@code LIANGSHAI_CLICKHOUSE_URL}); empty means run
 *     the local one
 * @param clickhouseCluster the ClickHouse cluster the tables are laid out over ({@code
 *     LIANGSHAI_CLICKHOUSE_CLUSTER}: {@code ON CLUSTER}, replicated and distributed tables); empty
 *     means one server
 * @param postgresUrl an external PostgreSQL for keys, schemes and bulletin numbers ({@code
 *     LIANGSHAI_POSTGRES_URL}, {@code postgresql://USER:PASSWORD@HOST:PORT}); empty means run the
 *     local one
 * @param kafka an external Kafka cluster for the records log between ingest and the job ({@code
 *     LIANGSHAI_KAFKA}, bootstrap servers {@code HOST:PORT,…}); empty means run the local broker
 * @param archive the shared archive every instance ships its accepted raw bodies and manifests to,
 *     in the background ({@code LIANGSHAI_ARCHIVE}: {@code s3://BUCKET/PREFIX} or a directory);
 *     empty means the landing zone is the only copy
 * @param archiveEndpoint the S3 endpoint of an {@code s3://} archive that is not AWS's ({@code
 *     LIANGSHAI_ARCHIVE_ENDPOINT}, e.g. MinIO's {@code http://HOST:9000}); credentials and region
 *     come from the AWS SDK's default chains ({@code AWS_ACCESS_KEY_ID}, {@code
 *     AWS_SECRET_ACCESS_KEY}, {@code AWS_REGION}, profiles)
 * @param tenantsCsv a registry CSV to use instead of the shipped one ({@code
 *     LIANGSHAI_TENANTS_CSV})
 * @param limits what one key may send: body size, rows per batch, requests per minute
 */
public record LiangshaiConfig(
    String httpHost,
    int httpPort,
    Optional<String> adminKey,
    Path dataDir,
    Optional<String> clickhouseUrl,
    Optional<String> clickhouseCluster,
    Optional<String> postgresUrl,
    Optional<String> kafka,
    Optional<String> archive,
    Optional<String> archiveEndpoint,
    Optional<Path> tenantsCsv,
    Limits limits) {

  /**
   * Intake and request limits.
   *
   * @param maxBodyBytes largest upload body ({@code LIANGSHAI_MAX_BODY_BYTES}, default 64 MiB);
   *     larger gets 413
   * @param maxRowsPerBatch most rows in one batch ({@code LIANGSHAI_MAX_ROWS_PER_BATCH}, default
   *     200,000); more gets 413 and nothing of the batch is kept
   * @param requestsPerMinute requests one key may make per minute, in bursts of as many ({@code
   *     LIANGSHAI_REQUESTS_PER_MINUTE}, default 600); more gets 429 with {@code Retry-After}
   * @param maxConcurrentUploads uploads the API takes at once ({@code
   *     LIANGSHAI_MAX_CONCURRENT_UPLOADS}, default 4); more get 503 with {@code Retry-After}
   * @param idleTimeoutSeconds a connection with no request in progress, or whose request headers
   *     have not arrived, is closed after this long ({@code LIANGSHAI_IDLE_TIMEOUT_SECONDS},
   *     default 60)
   * @param bodyStallSeconds an upload body that sends no byte for this long is cancelled with 408
   *     ({@code LIANGSHAI_BODY_STALL_SECONDS}, default 30)
   */
  public record Limits(
      long maxBodyBytes,
      int maxRowsPerBatch,
      int requestsPerMinute,
      int maxConcurrentUploads,
      int idleTimeoutSeconds,
      int bodyStallSeconds) {

    public static final Limits DEFAULTS = new Limits(64L * 1024 * 1024, 200_000, 600, 4, 60, 30);

    /** Body, row and request limits with the default upload concurrency and timeouts. */
    public Limits(long maxBodyBytes, int maxRowsPerBatch, int requestsPerMinute) {
      this(maxBodyBytes, maxRowsPerBatch, requestsPerMinute, 4, 60, 30);
    }

    public Limits {
      atLeastOne("LIANGSHAI_MAX_BODY_BYTES", maxBodyBytes);
      atLeastOne("LIANGSHAI_MAX_ROWS_PER_BATCH", maxRowsPerBatch);
      atLeastOne("LIANGSHAI_REQUESTS_PER_MINUTE", requestsPerMinute);
      atLeastOne("LIANGSHAI_MAX_CONCURRENT_UPLOADS", maxConcurrentUploads);
      atLeastOne("LIANGSHAI_IDLE_TIMEOUT_SECONDS", idleTimeoutSeconds);
      atLeastOne("LIANGSHAI_BODY_STALL_SECONDS", bodyStallSeconds);
    }

    private static void atLeastOne(String variable, long value) {
      if (value < 1) {
        throw new IllegalArgumentException(variable + " must be at least 1, got " + value);
      }
    }
  }

  public LiangshaiConfig {
    Required.nonNull(
        "httpHost adminKey dataDir clickhouseUrl clickhouseCluster postgresUrl kafka archive"
            + " archiveEndpoint tenantsCsv limits",
        httpHost,
        adminKey,
        dataDir,
        clickhouseUrl,
        clickhouseCluster,
        postgresUrl,
        kafka,
        archive,
        archiveEndpoint,
        tenantsCsv,
        limits);
    if (archiveEndpoint.isPresent() && archive.isEmpty()) {
      throw new IllegalArgumentException(
          "LIANGSHAI_ARCHIVE_ENDPOINT is set without LIANGSHAI_ARCHIVE");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("http port must be 0–65535, got " + httpPort);
    }
    adminKey.ifPresent(
        k -> {
          if (k.length() < 16) {
            throw new IllegalArgumentException(
                "LIANGSHAI_ADMIN_KEY must be at least 16 characters");
          }
        });
  }

  /** The configuration of this process: its environment and optional config file. */
  public static LiangshaiConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static LiangshaiConfig from(Map<String, String> env) {
    Properties file = new Properties();
    String configPath = env.get("LIANGSHAI_CONFIG");
    if (configPath != null && !configPath.isBlank()) {
      try (Reader r = Files.newBufferedReader(Path.of(configPath), StandardCharsets.UTF_8)) {
        file.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read LIANGSHAI_CONFIG " + configPath, e);
      }
    }
    Source s = new Source(env, file);
    return new LiangshaiConfig(
        s.get("LIANGSHAI_HTTP_HOST", "http.host").orElse("127.0.0.1"),
        s.integer("LIANGSHAI_HTTP_PORT", "http.port", 8080),
        s.get("LIANGSHAI_ADMIN_KEY", "admin.key"),
        Path.of(s.get("LIANGSHAI_DATA_DIR", "data.dir").orElse("var")).toAbsolutePath(),
        s.get("LIANGSHAI_CLICKHOUSE_URL", "clickhouse.url"),
        s.get("LIANGSHAI_CLICKHOUSE_CLUSTER", "clickhouse.cluster"),
        s.get("LIANGSHAI_POSTGRES_URL", "postgres.url"),
        s.get("LIANGSHAI_KAFKA", "kafka.bootstrap"),
        s.get("LIANGSHAI_ARCHIVE", "archive"),
        s.get("LIANGSHAI_ARCHIVE_ENDPOINT", "archive.endpoint"),
        s.get("LIANGSHAI_TENANTS_CSV", "tenants.csv").map(Path::of),
        new Limits(
            s.limit("max_body_bytes", Limits.DEFAULTS.maxBodyBytes(), Long::valueOf),
            s.limit("max_rows_per_batch", Limits.DEFAULTS.maxRowsPerBatch(), Integer::valueOf),
            s.limit("requests_per_minute", Limits.DEFAULTS.requestsPerMinute(), Integer::valueOf),
            s.limit(
                "max_concurrent_uploads", Limits.DEFAULTS.maxConcurrentUploads(), Integer::valueOf),
            s.limit("idle_timeout_seconds", Limits.DEFAULTS.idleTimeoutSeconds(), Integer::valueOf),
            s.limit("body_stall_seconds", Limits.DEFAULTS.bodyStallSeconds(), Integer::valueOf)));
  }

  public LiangshaiConfig withAdminKey(String key) {
    return new LiangshaiConfig(
        httpHost,
        httpPort,
        Optional.of(key),
        dataDir,
        clickhouseUrl,
        clickhouseCluster,
        postgresUrl,
        kafka,
        archive,
        archiveEndpoint,
        tenantsCsv,
        limits);
  }

  /** The landing zone: every accepted batch as received and its validated records. */
  public Path landingDir() {
    return dataDir.resolve("landing");
  }

  public Path checkpointDir() {
    return dataDir.resolve("checkpoints");
  }

  public Path clickhouseDir() {
    return dataDir.resolve("clickhouse");
  }

  /** The local PostgreSQL's binaries and cluster, when no external one is configured. */
  public Path postgresDir() {
    return dataDir.resolve("postgres");
  }

  /** The local Kafka broker's log, when no external cluster is configured. */
  public Path kafkaDir() {
    return dataDir.resolve("kafka");
  }

  @Override
  public String toString() {
    return "LiangshaiConfig[http="
        + httpHost
        + ":"
        + httpPort
        + ", dataDir="
        + dataDir
        + ", clickhouse="
        + clickhouseUrl.orElse("local")
        + clickhouseCluster.map(c -> " on cluster " + c).orElse("")
        + ", postgres="
        + (postgresUrl.isPresent() ? "external" : "local")
        + ", kafka="
        + kafka.orElse("local")
        + archive.map(a -> ", archive=" + a).orElse("")
        + ", adminKey="
        + (adminKey.isPresent() ? "set" : "generated")
        + "]";
  }

  private record Source(Map<String, String> env, Properties file) {
    Optional<String> get(String envName, String fileKey) {
      String v = env.get(envName);
      if (v == null || v.isBlank()) {
        v = file.getProperty(fileKey);
      }
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    int integer(String envName, String fileKey, int dflt) {
      return number(envName, fileKey, dflt, Integer::valueOf);
    }

    /**
     * The limit {@code name}: {@code LIANGSHAI_NAME} in the environment, else {@code limits.name}.
     */
    <T extends Number> T limit(String name, T dflt, Function<String, T> parse) {
      return number("LIANGSHAI_" + name.toUpperCase(Locale.ROOT), "limits." + name, dflt, parse);
    }

    private <T extends Number> T number(
        String envName, String fileKey, T dflt, Function<String, T> parse) {
      Optional<String> v = get(envName, fileKey);
      if (v.isEmpty()) {
        return dflt;
      }
      try {
        return parse.apply(v.get());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            envName + " must be a whole number, got '" + v.get() + "'");
      }
    }
  }
}
