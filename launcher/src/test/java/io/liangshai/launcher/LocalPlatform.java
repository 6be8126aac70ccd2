package io.liangshai.launcher;

import io.liangshai.core.config.LiangshaiConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole platform inside the test's JVM (local ClickHouse, Flink MiniCluster, Vert.x) over a
 * data directory, its web page on port 0: the one set-up of the launcher's in-process ITCases.
 * {@link PlatformProcess} starts it as a separate process instead.
 */
final class LocalPlatform {

  private LocalPlatform() {}

  /** The configuration of a platform over {@code dataDir} with {@code adminKey}, on port 0. */
  static LiangshaiConfig config(Path dataDir, String adminKey) {
    return config(dataDir, adminKey, Map.of());
  }

  /** {@link #config(Path, String)} with the variables of {@code env} besides. */
  static LiangshaiConfig config(Path dataDir, String adminKey, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("LIANGSHAI_DATA_DIR", dataDir.toString());
    all.put("LIANGSHAI_HTTP_PORT", "0");
    all.put("LIANGSHAI_ADMIN_KEY", adminKey);
    return LiangshaiConfig.from(all);
  }

  /** Starts a platform over {@code dataDir}; a start that fails closes what it had started. */
  static Platform start(Path dataDir, String adminKey) throws Exception {
    return start(config(dataDir, adminKey));
  }

  /** Starts a platform of {@code config}; a start that fails closes what it had started. */
  static Platform start(LiangshaiConfig config) throws Exception {
    Platform platform = new Platform(config);
    try {
      platform.start();
    } catch (Exception e) {
      platform.close();
      throw e;
    }
    return platform;
  }
}
