package io.liangshai.clickhouse.local;

import java.nio.file.Path;

/** Another process already runs ClickHouse over this data directory (engine error Code 76). */
public final class DataDirectoryLockedException extends LocalClickHouseException {

  public DataDirectoryLockedException(Path dataDir) {
    super(
        "ClickHouse data directory "
            + dataDir
            + " is locked by another process (Code: 76, Cannot lock file): is another liangshai"
            + " running on it? Stop it, or give this one a different data directory.");
  }
}
