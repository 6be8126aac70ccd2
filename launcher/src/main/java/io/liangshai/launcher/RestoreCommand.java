package io.liangshai.launcher;

import io.liangshai.backup.Manifest;
import io.liangshai.backup.Restore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/liangshai restore DIR}: a backup put back into an empty data directory and empty
 * databases; refused, before anything is written, for a damaged or unfinished backup or a target
 * that holds data ({@link Restore}).
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restores the backup in DIR into an empty data directory and empty databases.",
      "The next start rebuilds the version index and reprocesses the landing zone."
    })
final class RestoreCommand implements Callable<Integer> {

  @Mixin StoreOptions stores;

  @Parameters(index = "0", paramLabel = "DIR", description = "the backup to restore")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Restore.verify(dir);
    Restore.requireEmptyDataDir(stores.dataDir());
    Manifest m;
    try (StoreOptions.Stores open = stores.open()) {
      m = Restore.restore(dir, open.data());
    }
    System.out.printf(
        "restored the backup of %s into %s: %d ClickHouse tables, %d PostgreSQL tables,"
            + " %d landing files%n",
        m.finishedAt(),
        stores.dataDir(),
        m.clickhouse().size(),
        m.postgres().size(),
        m.landing().size());
    return 0;
  }
}
