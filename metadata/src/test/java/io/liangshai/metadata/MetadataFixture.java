package io.liangshai.metadata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What the metadata tests share. */
final class MetadataFixture {

  static final Instant NOW = Instant.parse("2026-03-02T08:30:00.123456Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** A manifest to commit a batch with, when a test does not read it back. */
  static final BatchManifestRow MANIFEST =
      new BatchManifestRow("330100", NOW, false, "{}".getBytes(StandardCharsets.UTF_8));

  private MetadataFixture() {}
}
