package io.liangshai.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.Sql;
import io.liangshai.metadata.BulletinNumbers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken while bulletins are published and batches land is restorable and consistent: no
 * bulletin without its files, no batch without its landed files, and the restored numbering never
 * hands out a number a restored bulletin has.
 */
class LiveBackupITCase {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path temp;

  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicInteger published = new AtomicInteger();
  private final AtomicInteger landed = new AtomicInteger();
  private final List<Future<?>> writing = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  void backupTakenDuringWritesRestoresConsistently() throws Exception {
    try (PlatformStores source = PlatformStores.migrated("live", temp.resolve("source"));
        PlatformStores target = PlatformStores.empty("restored", temp.resolve("target"))) {
      ExecutorService writers = Executors.newFixedThreadPool(2);
      Future<?> publisher = writers.submit(() -> publish(source));
      Future<?> uploader = writers.submit(() -> land(source));
      writing.add(publisher);
      writing.add(uploader);
      awaitAtLeast(published::get, 3);
      awaitAtLeast(landed::get, 3);

      int publishedBefore = published.get();
      Manifest manifest = Backup.take(source.data(), temp.resolve("backup"), Clock.systemUTC());
      int publishedAfter = published.get();
      awaitAtLeast(published::get, publishedAfter + 3);
      awaitAtLeast(landed::get, landed.get() + 3);
      stop.set(true);
      writing.clear();
      publisher.get(30, TimeUnit.SECONDS);
      uploader.get(30, TimeUnit.SECONDS);
      writers.shutdown();
      assertThat(publishedAfter)
          .as("bulletins published while the backup ran")
          .isGreaterThan(publishedBefore);

      Restore.restore(temp.resolve("backup"), target.data());

      List<String> bulletins =
          lines(target, "SELECT id, issue_no FROM bulletins ORDER BY issue_no");
      assertThat(bulletins).hasSizeGreaterThanOrEqualTo(3).hasSizeLessThan(published.get());
      assertThat(manifest.clickhouse().get(0).rows()).isEqualTo(bulletins.size());
      assertThat(
              lines(target, "SELECT DISTINCT bulletin_id FROM bulletin_files ORDER BY bulletin_id"))
          .containsAll(bulletins.stream().map(b -> b.split("\t")[0]).sorted().toList());

      Set<Integer> issued = new TreeSet<>();
      bulletins.forEach(b -> issued.add(Integer.parseInt(b.split("\t")[1])));
      BulletinNumbers numbers = new BulletinNumbers(target.metadata, Clock.systemUTC());
      int max = issued.stream().mapToInt(Integer::intValue).max().orElseThrow();
      assertThat(numbers.lastIssueNo("monthly")).isGreaterThanOrEqualTo(max);
      for (int i = 0; i < 3; i++) {
        int next = numbers.allocate("monthly");
        assertThat(next).isGreaterThan(max).isNotIn(issued);
      }

      List<String> batches = lines(target, "SELECT batch_id FROM batches ORDER BY batch_id");
      assertThat(batches).hasSizeGreaterThanOrEqualTo(3);
      for (String batch : batches) {
        for (String file : landedFiles(batch)) {
          assertThat(target.landing.resolve(file)).as(file).exists();
        }
      }
      assertThat(Contents.postgres(target.metadata).get("record_versions")).isEmpty();
    }
  }

  /** Publishes bulletins as the platform does: number in PostgreSQL, files, then the row. */
  private Void publish(PlatformStores stores) throws SQLException {
    BulletinNumbers numbers = new BulletinNumbers(stores.metadata, Clock.systemUTC());
    try (Connection c = DriverManager.getConnection(stores.clickhouseUrl);
        Statement s = c.createStatement()) {
      while (!stop.get()) {
        int n = numbers.allocate("monthly");
        String id = "bul-" + n;
        s.execute(
            "INSERT INTO bulletin_files VALUES ('"
                + id
                + "', 'pdf', 'e', 4, 'JVBERg=='),"
                + " ('"
                + id
                + "', 'xlsx', 'f', 2, 'UEs=')");
        s.execute(
            "INSERT INTO bulletins VALUES ('"
                + id
                + "', 'monthly', "
                + n
                + ", '2024-01', [],"
                + " 'standard', now64(3), 'k1', NULL, '{}', 'd', 'e', 'f')");
        published.incrementAndGet();
      }
    }
    return null;
  }

  /** Lands batches as ingest does: files published whole, then the rows that speak of them. */
  private Void land(PlatformStores stores) throws Exception {
    try (Connection pg = stores.metadata.getConnection()) {
      for (int i = 1; !stop.get(); i++) {
        String batch = String.format("b%06d", i);
        for (String file : landedFiles(batch)) {
          Path target = stores.landing.resolve(file);
          Files.createDirectories(target.getParent());
          Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
          Files.writeString(tmp, "{\"batch\":\"" + batch + "\"}\n", StandardCharsets.UTF_8);
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        try (PreparedStatement ps =
            pg.prepareStatement(
                "INSERT INTO record_versions VALUES ('330381', ?, now(), 'h', ?)")) {
          ps.setString(1, "C-" + i);
          ps.setString(2, batch);
          ps.executeUpdate();
        }
        Sql.execute(
            stores.clickhouseUrl,
            "INSERT INTO batches VALUES ('"
                + batch
                + "', '330381', 'k2', now64(3), 'text/csv', 1,"
                + " 'x', 1, 0, 0, '[]')");
        landed.incrementAndGet();
      }
    }
    return null;
  }

  private static List<String> landedFiles(String batch) {
    return List.of(
        "raw/" + batch + ".csv", "records/" + batch + ".jsonl", "batches/" + batch + ".json");
  }

  private static List<String> lines(PlatformStores stores, String sql) {
    return ClickHouseHttp.of(stores.clickhouseUrl).lines(sql);
  }

  /**
   * Waits until {@code count} reaches {@code n}; a writer that failed fails the test with its
   * cause.
   */
  private void awaitAtLeast(IntSupplier count, int n) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (count.getAsInt() < n) {
      for (Future<?> writer : writing) {
        if (writer.isDone()) {
          writer.get();
          throw new AssertionError("a writer stopped before it was told to");
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "writers made " + count.getAsInt() + " of " + n + " writes in " + PATIENCE);
      }
      Thread.sleep(20);
    }
  }
}
