package io.liangshai.clickhouse.local.install;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Copies one file out of a {@code .tgz}. */
final class TarballEntry {

  private TarballEntry() {}

  /**
   * Writes the entry named {@code name} of {@code tgz} to {@code target}.
   *
   * @throws IOException when the archive has no such entry
   */
  static void extract(Path tgz, String name, Path target) throws IOException {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(tgz), 1 << 16);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile() && entry.getName().equals(name)) {
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          return;
        }
      }
    }
    throw new IOException(tgz + " has no entry " + name);
  }
}
