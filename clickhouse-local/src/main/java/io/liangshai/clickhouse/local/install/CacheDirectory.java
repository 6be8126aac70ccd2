package io.liangshai.clickhouse.local.install;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where liangshai keeps downloads between runs: system property {@value #PROPERTY}, else
 * environment variable {@value #ENV}, else {@code ~/.cache/liangshai}.
 */
public final class CacheDirectory {

  public static final String PROPERTY = "liangshai.cache.dir";
  public static final String ENV = "LIANGSHAI_CACHE_DIR";

  private CacheDirectory() {}

  public static Path resolve() {
    return resolve(System.getProperties().getProperty(PROPERTY), System.getenv());
  }

  static Path resolve(String property, Map<String, String> env) {
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "liangshai");
  }
}
