package io.liangshai.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform for a test class, registered in one line: {@link LocalPlatform#start} over a data
 * directory of its own before the class's {@code @BeforeAll}, closed (and its directory deleted)
 * after its {@code @AfterAll}.
 *
 * <pre>
 * {@code @RegisterExtension static final PlatformExtension PLATFORM = new PlatformExtension(ADMIN_KEY);}
 * </pre>
 */
final class PlatformExtension implements BeforeAllCallback, AfterAllCallback {

  private final String adminKey;
  private Path dataDir;
  private Platform platform;

  PlatformExtension(String adminKey) {
    this.adminKey = Objects.requireNonNull(adminKey, "adminKey");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("liangshai-platform-");
    platform = LocalPlatform.start(dataDir, adminKey);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (platform != null) {
      platform.close();
      platform = null;
    }
    if (dataDir != null) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
      dataDir = null;
    }
  }

  Platform platform() {
    if (platform == null) {
      throw new IllegalStateException("the platform is started only for the class's tests");
    }
    return platform;
  }

  /** {@code http://127.0.0.1:PORT}: the platform's web page and API. */
  String baseUrl() {
    return platform().baseUrl();
  }

  /** The platform's data directory (its landing zone is {@code landing/}). */
  Path dataDir() {
    platform();
    return dataDir;
  }
}
