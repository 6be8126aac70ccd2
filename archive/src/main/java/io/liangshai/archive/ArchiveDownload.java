package io.liangshai.archive;

import io.liangshai.ingest.IndicatorValueUploads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rebuild} replays from an archive: its batch manifests, raw bodies and kept uploads of
 * reported values copied into a directory laid out as a landing zone ({@code batches/}, {@code
 * raw/}, {@code indicator-values/}), which {@code RawReplay} then reads as it reads any other.
 */
public final class ArchiveDownload {

  private static final List<String> DIRECTORIES =
      List.of("batches/", "raw/", IndicatorValueUploads.DIRECTORY + "/");

  private ArchiveDownload() {}

  /** Copies the archive into {@code landing} (created); the number of files copied. */
  public static int into(RawArchive archive, Path landing) throws IOException {
    int copied = 0;
    for (String dir : DIRECTORIES) {
      Files.createDirectories(landing.resolve(dir));
      for (String key : archive.keys(dir)) {
        Path target = landing.resolve(key).normalize();
        if (!target.startsWith(landing) || !target.getParent().equals(landing.resolve(dir))) {
          throw new IOException("the archive " + archive.location() + " holds a stray key " + key);
        }
        archive.copyTo(key, target);
        copied++;
      }
    }
    return copied;
  }
}
