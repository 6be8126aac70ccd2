package io.liangshai.launcher;

import io.liangshai.backup.Backup;
import io.liangshai.backup.Manifest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/liangshai backup DIR}: ClickHouse tables, PostgreSQL metadata and the landing zone
 * copied into DIR while the platform runs ({@link Backup} says in which order, and why that order
 * is consistent), with {@code DIR/manifest.json}.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copies the platform's data into DIR (new or empty) while it runs:",
      "ClickHouse tables, PostgreSQL metadata and the landing zone,",
      "with DIR/manifest.json (schema versions, row counts, SHA-256)."
    })
final class BackupCommand implements Callable<Integer> {

  @Mixin StoreOptions stores;

  @Parameters(index = "0", paramLabel = "DIR", description = "where the backup goes")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Manifest m;
    try (StoreOptions.Stores open = stores.open()) {
      m = Backup.take(open.data(), dir, Clock.systemUTC());
    }
    System.out.printf(
        "backup in %s: %d ClickHouse tables, %d PostgreSQL tables, %d landing files (%s to %s)%n",
        dir,
        m.clickhouse().size(),
        m.postgres().size(),
        m.landing().size(),
        m.startedAt(),
        m.finishedAt());
    return 0;
  }
}
