package io.liangshai.clickhouse.local;

import io.liangshai.clickhouse.local.install.CacheDirectory;
import io.liangshai.local.process.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link LocalClickHouse}.
 *
 * @param dataDir where the engine keeps its databases; one process per directory
 * @param port the HTTP port on 127.0.0.1, or 0 for any free port
 * @param cacheDir where the engine library is cached between runs
 * @param startupTimeout how long to wait for the child's first {@code /ping} (the one-time engine
 *     download happens before, under its own time limit)
 * @param maxHeap the child JVM's {@code -Xmx} (the engine's own memory is native, outside it)
 * @param trace whether the child logs every request
 */
public record LocalClickHouseConfig(
    Path dataDir, int port, Path cacheDir, Duration startupTimeout, String maxHeap, boolean trace) {

  public LocalClickHouseConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(cacheDir, "cacheDir");
    Objects.requireNonNull(maxHeap, "maxHeap");
    ServerSettings.check(port, startupTimeout);
    if (!maxHeap.matches("\\d+[kKmMgG]?")) {
      throw new IllegalArgumentException("maxHeap must look like 512m, got '" + maxHeap + "'");
    }
    dataDir = dataDir.toAbsolutePath();
    cacheDir = cacheDir.toAbsolutePath();
  }

  /** Any free port, the standard cache, two minutes to start. */
  public static LocalClickHouseConfig of(Path dataDir) {
    return builder(dataDir).build();
  }

  /** This configuration on {@code port} (how a restarted child keeps the first one's port). */
  public LocalClickHouseConfig withPort(int port) {
    return new LocalClickHouseConfig(dataDir, port, cacheDir, startupTimeout, maxHeap, trace);
  }

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  public static final class Builder {
    private final Path dataDir;
    private int port = 0;
    private Path cacheDir;
    private Duration startupTimeout = Duration.ofMinutes(2);
    private String maxHeap = "512m";
    private boolean trace = false;

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder cacheDir(Path cacheDir) {
      this.cacheDir = cacheDir;
      return this;
    }

    public Builder startupTimeout(Duration startupTimeout) {
      this.startupTimeout = startupTimeout;
      return this;
    }

    public Builder maxHeap(String maxHeap) {
      this.maxHeap = maxHeap;
      return this;
    }

    public Builder trace(boolean trace) {
      this.trace = trace;
      return this;
    }

    public LocalClickHouseConfig build() {
      return new LocalClickHouseConfig(
          dataDir,
          port,
          cacheDir == null ? CacheDirectory.resolve() : cacheDir,
          startupTimeout,
          maxHeap,
          trace);
    }
  }
}
