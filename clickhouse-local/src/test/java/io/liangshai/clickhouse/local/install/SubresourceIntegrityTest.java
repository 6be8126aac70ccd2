package io.liangshai.clickhouse.local.install;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubresourceIntegrityTest {

  @TempDir Path dir;

  @Test
  void acceptsTheFileItsIntegrityDescribes() throws Exception {
    Path file = Files.writeString(dir.resolve("a.tgz"), "package bytes", StandardCharsets.UTF_8);
    String integrity =
        "sha512-"
            + Base64.getEncoder()
                .encodeToString(
                    MessageDigest.getInstance("SHA-512")
                        .digest("package bytes".getBytes(StandardCharsets.UTF_8)));

    assertThatCode(() -> SubresourceIntegrity.verify(file, integrity)).doesNotThrowAnyException();
  }

  @Test
  void refusesAFileWithAnotherDigest() throws IOException {
    Path file = Files.writeString(dir.resolve("a.tgz"), "tampered bytes", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SubresourceIntegrity.verify(file, EngineRelease.PINNED.integrity()))
        .isInstanceOf(IntegrityMismatchException.class)
        .hasMessageContaining(EngineRelease.PINNED.integrity())
        .hasMessageContaining("was not installed");
  }

  @Test
  void refusesAnIntegrityOfAnotherAlgorithm() throws IOException {
    Path file = Files.writeString(dir.resolve("a.tgz"), "x", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SubresourceIntegrity.verify(file, "sha1-abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha512-");
  }
}
