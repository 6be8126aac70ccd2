package io.liangshai.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both archives keep what they are given under its key and list keys whole and in order: one in an
 * S3 bucket on a real S3 endpoint (S3Proxy, signatures checked), one in a directory.
 */
class RawArchiveTest {

  private static S3Server s3;

  @TempDir Path dir;

  @BeforeAll
  static void startS3() throws Exception {
    S3Server.useCredentials();
    s3 = S3Server.start("raw-test");
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  private RawArchive s3(String prefix) throws Exception {
    return RawArchives.open("s3://raw-test/" + prefix, Optional.of(s3.endpoint()));
  }

  @Test
  void s3KeepsBytesUnderTheirKeysBelowItsPrefix() throws Exception {
    try (RawArchive archive = s3("province/2026")) {
      assertKeepsAndLists(archive);
      assertThat(archive.location()).isEqualTo("s3://raw-test/province/2026/");
      assertThat(s3.blobStore().blobExists("raw-test", "province/2026/raw/b_1.csv"))
          .as("stored under the prefix")
          .isTrue();
    }
    try (RawArchive other = s3("elsewhere")) {
      assertThat(other.keys("raw/")).as("another prefix sees none of it").isEmpty();
    }
  }

  @Test
  void aDirectoryKeepsBytesUnderTheirKeys() throws Exception {
    try (RawArchive archive =
        RawArchives.open(dir.resolve("archive").toString(), Optional.empty())) {
      assertKeepsAndLists(archive);
      assertThatThrownBy(() -> archive.put("../outside", file("x", "x")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void s3ListsEveryPageOfAManyKeyListing() throws Exception {
    Path body = file("one", "1");
    try (RawArchive archive = s3("many")) {
      List<String> keys = new ArrayList<>();
      IntStream.range(0, 1005).forEach(i -> keys.add(String.format("batches/b_%05d.json", i)));
      for (String key : keys) {
        archive.put(key, body);
      }
      assertThat(archive.keys("batches/")).as("more than one page of 1,000").isEqualTo(keys);
    }
  }

  @Test
  void anUnknownLocationOrAnUnreachableStoreIsAClearError() throws Exception {
    assertThatThrownBy(() -> RawArchives.open("ftp://host/x", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s3://BUCKET/PREFIX");
    try (RawArchive nowhere =
        RawArchives.open("s3://raw-test/x", Optional.of("http://127.0.0.1:9"))) {
      assertThatThrownBy(() -> nowhere.put("raw/b_1.csv", file("a", "a")))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("s3://raw-test/x/");
    }
    try (RawArchive noBucket =
        RawArchives.open("s3://no-such-bucket", Optional.of(s3.endpoint()))) {
      assertThatThrownBy(() -> noBucket.keys("raw/")).isInstanceOf(java.io.IOException.class);
    }
  }

  private void assertKeepsAndLists(RawArchive archive) throws Exception {
    archive.put("raw/b_2.jsonl", file("two", "{\"案件\":2}\n"));
    archive.put("raw/b_1.csv", file("one", "case_id\n1\n"));
    archive.put("batches/b_1.json", file("m1", "{}"));
    assertThat(archive.keys("raw/")).containsExactly("raw/b_1.csv", "raw/b_2.jsonl");
    assertThat(archive.keys("batches/")).containsExactly("batches/b_1.json");
    assertThat(archive.keys("indicator-values/")).isEmpty();

    Path back = dir.resolve("back");
    Files.writeString(back, "to be replaced");
    archive.copyTo("raw/b_2.jsonl", back);
    assertThat(Files.readString(back, StandardCharsets.UTF_8)).isEqualTo("{\"案件\":2}\n");
    archive.put("raw/b_2.jsonl", file("two", "{\"案件\":2}\n"));
    assertThat(archive.keys("raw/")).as("storing a key again").hasSize(2);
    assertThatThrownBy(() -> archive.copyTo("raw/b_3.csv", back))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("raw/b_3.csv");
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
