package io.liangshai.clickhouse.local.install;

import java.io.IOException;
import java.nio.file.Path;

/** A downloaded package is not the one that was pinned: refuse it. */
public final class IntegrityMismatchException extends IOException {

  public IntegrityMismatchException(Path file, String expected, String actual) {
    super(
        "integrity check failed for "
            + file
            + ": expected "
            + expected
            + " but the file has "
            + actual
            + " (corrupt download or a different package; it was not installed)");
  }
}
