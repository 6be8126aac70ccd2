package io.liangshai.core.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The platform's configuration in one typed object. Values come from the environment ({@code
 * LIANGSHAI_*}), which wins over an optional properties file named by {@code LIANGSHAI_CONFIG}
 * (keys like {@code http.port}), which wins over the defaults.
 *
 * @param httpHost address the API binds to ({@code LIANGSHAI_HTTP_HOST}, default 127.0.0.1)
 * @param httpPort API port ({@code LIANGSHAI_HTTP_PORT}, default 8080; 0 picks a free one)
 * @param adminKey the province admin key ({@code LIANGSHAI_ADMIN_KEY}); empty means generate one
 * @param dataDir where the landing zone, checkpoints and the local ClickHouse live ({@code
 *     LIANGSHAI_DATA_DIR}, default {@code ./var})
 * @param clickhouseUrl an external ClickHouse ({@code LIANGSHAI_CLICKHOUSE_URL}); empty means run
 *     the local one
 * @param tenantsCsv a registry CSV to use instead of the shipped one ({@code LIANGSHAI_TENANTS_CSV})
 */
public record LiangshaiConfig(
    String httpHost,
    int httpPort,
    Optional<String> adminKey,
    Path dataDir,
    Optional<String> clickhouseUrl,
    Optional<Path> tenantsCsv) {

  public LiangshaiConfig {
    Objects.requireNonNull(httpHost, "httpHost");
    Objects.requireNonNull(adminKey, "adminKey");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clickhouseUrl, "clickhouseUrl");
    Objects.requireNonNull(tenantsCsv, "tenantsCsv");
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
        s.get("LIANGSHAI_TENANTS_CSV", "tenants.csv").map(Path::of));
  }

  public LiangshaiConfig withHttpPort(int port) {
    return new LiangshaiConfig(httpHost, port, adminKey, dataDir, clickhouseUrl, tenantsCsv);
  }

  public LiangshaiConfig withAdminKey(String key) {
    return new LiangshaiConfig(
        httpHost, httpPort, Optional.of(key), dataDir, clickhouseUrl, tenantsCsv);
  }

  public LiangshaiConfig withDataDir(Path dir) {
    return new LiangshaiConfig(httpHost, httpPort, adminKey, dir, clickhouseUrl, tenantsCsv);
  }

  public LiangshaiConfig withClickhouseUrl(String url) {
    return new LiangshaiConfig(
        httpHost, httpPort, adminKey, dataDir, Optional.of(url), tenantsCsv);
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
      Optional<String> v = get(envName, fileKey);
      if (v.isEmpty()) {
        return dflt;
      }
      try {
        return Integer.parseInt(v.get());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            envName + " must be a whole number, got '" + v.get() + "'");
      }
    }
  }
}
