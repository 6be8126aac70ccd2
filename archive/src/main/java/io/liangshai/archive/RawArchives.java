package io.liangshai.archive;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the archive a location names: {@code s3://BUCKET/PREFIX}, or a directory. */
public final class RawArchives {

  private RawArchives() {}

  /** Whether {@code location} names an archive in object storage rather than a directory. */
  public static boolean isObjectStorage(String location) {
    return location.startsWith("s3://");
  }

  /**
   * The archive at {@code location}; {@code endpoint} is the S3 endpoint for an {@code s3://}
   * location (AWS's when empty), ignored for a directory.
   */
  public static RawArchive open(String location, Optional<String> endpoint) throws IOException {
    if (isObjectStorage(location)) {
      return S3RawArchive.open(URI.create(location), endpoint.map(URI::create));
    }
    if (location.contains("://")) {
      throw new IllegalArgumentException(
          "an archive is s3://BUCKET/PREFIX or a directory, not " + location);
    }
    return new DirectoryRawArchive(Path.of(location));
  }
}
