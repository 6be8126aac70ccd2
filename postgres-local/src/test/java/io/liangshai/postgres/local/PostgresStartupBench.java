package io.liangshai.postgres.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Start-up of the local PostgreSQL, three rounds: unpacking the binaries into an empty directory,
 * the first start on it (initdb, then the server until a password login works), the stop, and a
 * restart on the existing cluster. Run with {@code mvn -q -pl postgres-local exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.liangshai.postgres.local.PostgresStartupBench}.
 */
public final class PostgresStartupBench {

  private PostgresStartupBench() {}

  public static void main(String[] args) throws IOException {
    System.out.println(
        "| round | unpack (ms) | first start: initdb + start (ms) | stop (ms) | restart (ms) |");
    System.out.println("|---|---|---|---|---|");
    for (int round = 0; round < 3; round++) {
      Path dir = Files.createTempDirectory("liangshai-postgres-bench-");
      try {
        long t0 = System.nanoTime();
        PostgresBinaries.ensureUnpacked(dir);
        long t1 = System.nanoTime();
        LocalPostgres first = LocalPostgres.start(LocalPostgresConfig.of(dir));
        long t2 = System.nanoTime();
        first.close();
        long t3 = System.nanoTime();
        LocalPostgres again = LocalPostgres.start(LocalPostgresConfig.of(dir));
        long t4 = System.nanoTime();
        again.close();
        System.out.printf(
            "| %d | %d | %d | %d | %d |%n",
            round, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3));
      } finally {
        PostgresBinaries.deleteTree(dir);
      }
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
