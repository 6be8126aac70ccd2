package io.liangshai.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared archive of raw bodies: none by default, from the environment or the file. */
class LiangshaiConfigArchiveTest {

  @TempDir Path dir;

  @Test
  void noArchiveByDefault() {
    LiangshaiConfig config = LiangshaiConfig.from(Map.of());

    assertThat(config.archive()).isEmpty();
    assertThat(config.archiveEndpoint()).isEmpty();
    assertThat(config.toString()).doesNotContain("archive");
  }

  @Test
  void theEnvironmentWinsOverTheFile() throws Exception {
    Path file = dir.resolve("liangshai.properties");
    Files.writeString(file, "archive=s3://from-file/zj\narchive.endpoint=http://127.0.0.1:9000\n");

    LiangshaiConfig config =
        LiangshaiConfig.from(
            Map.of("LIANGSHAI_CONFIG", file.toString(), "LIANGSHAI_ARCHIVE", "s3://bucket/zj"));

    assertThat(config.archive()).contains("s3://bucket/zj");
    assertThat(config.archiveEndpoint()).contains("http://127.0.0.1:9000");
    assertThat(config.toString()).contains("archive=s3://bucket/zj");
  }

  @Test
  void refusesAnEndpointWithoutAnArchive() {
    assertThatThrownBy(
            () -> LiangshaiConfig.from(Map.of("LIANGSHAI_ARCHIVE_ENDPOINT", "http://minio:9000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LIANGSHAI_ARCHIVE_ENDPOINT")
        .hasMessageContaining("without LIANGSHAI_ARCHIVE");
  }
}
