package io.liangshai.clickhouse.local.bench;

import io.liangshai.clickhouse.local.LocalClickHouse;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import io.liangshai.clickhouse.local.engine.ChdbConnection;
import io.liangshai.clickhouse.local.install.CacheDirectory;
import io.liangshai.clickhouse.local.install.LibchdbInstaller;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures the local ClickHouse: start-up (warm cache, and cold with the one-time npm fetch), and a
 * 100k-row batch insert through the front with clickhouse-jdbc against the same rows written to
 * libchdb in-process.
 *
 * <pre>
 * mvn -q -pl clickhouse-local test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.liangshai.clickhouse.local.bench.FrontBench [-Dexec.args=--skip-cold]
 * </pre>
 */
public final class FrontBench {

  private static final int ROUNDS = 3;

  private FrontBench() {}

  public static void main(String[] args) throws Exception {
    boolean cold = !List.of(args).contains("--skip-cold");
    Path library = LibchdbInstaller.standard().ensureInstalled();
    System.out.println("machine: " + machine());

    for (int i = 0; i < ROUNDS; i++) {
      Path data = Files.createTempDirectory("liangshai-bench-warm-");
      long started = System.nanoTime();
      try (LocalClickHouse ch = LocalClickHouse.start(LocalClickHouseConfig.of(data))) {
        System.out.printf("START warm round=%d ms=%d%n", i, millisSince(started));
        if (i == 0) {
          frontInserts(ch.jdbcUrl(), "FRONT values");
          frontInserts(ch.jdbcUrl() + "&beta.row_binary_for_simple_insert=true", "FRONT rowbinary");
        }
      }
      deleteTree(data);
    }
    directInserts(library);
    if (cold) {
      coldStart();
    }
  }

  private static void frontInserts(String jdbcUrl, String label) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      for (int round = 0; round < ROUNDS; round++) {
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE IF EXISTS bench_cases");
          s.execute(BenchRows.TABLE_DDL);
        }
        long started = System.nanoTime();
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO bench_cases (id, tenant, received, amount) VALUES (?, ?, ?, ?)")) {
          for (int i = 0; i < BenchRows.COUNT; i++) {
            ps.setInt(1, i);
            ps.setString(2, BenchRows.tenant(i));
            ps.setTimestamp(
                3, Timestamp.from(Instant.ofEpochSecond(BenchRows.receivedEpochSecond(i))));
            ps.setDouble(4, BenchRows.amount(i));
            ps.addBatch();
          }
          long batched = System.nanoTime();
          ps.executeBatch();
          long done = System.nanoTime();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT count() FROM bench_cases")) {
            rs.next();
            System.out.printf(
                "%s round=%d rows=%d addBatch_ms=%d executeBatch_ms=%d total_ms=%d%n",
                label,
                round,
                rs.getLong(1),
                (batched - started) / 1_000_000,
                (done - batched) / 1_000_000,
                (done - started) / 1_000_000);
          }
        }
      }
    }
  }

  private static void directInserts(Path library) throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home"));
    ProcessBuilder builder =
        new ProcessBuilder(
                javaHome.resolve("bin/java").toString(),
                "-Xmx1g",
                "-cp",
                classPath(DirectInsertBench.class, ChdbConnection.class, com.sun.jna.Native.class),
                DirectInsertBench.class.getName(),
                library.toString(),
                Integer.toString(ROUNDS))
            .redirectErrorStream(true);
    builder.environment().put("LD_PRELOAD", javaHome.resolve("lib/libjsig.so").toString());
    Process process = builder.start();
    List<String> output;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      output = out.lines().toList();
    }
    List<String> rounds = output.stream().filter(l -> l.startsWith("DIRECT")).toList();
    rounds.forEach(System.out::println);
    int status = process.waitFor();
    if (rounds.size() < ROUNDS) {
      output.forEach(System.err::println);
      throw new IllegalStateException("direct insert bench failed with status " + status);
    }
    if (status != 0) {
      System.out.println("DIRECT note: the JVM exited with status " + status + " after all rounds");
    }
  }

  private static void coldStart() throws IOException {
    Path cache = Files.createTempDirectory("liangshai-bench-cache-");
    Path data = Files.createTempDirectory("liangshai-bench-cold-");
    try {
      long started = System.nanoTime();
      try (LocalClickHouse ch =
          LocalClickHouse.start(LocalClickHouseConfig.builder(data).cacheDir(cache).build())) {
        System.out.printf("START cold (empty cache, npm pack) ms=%d%n", millisSince(started));
      }
    } finally {
      deleteTree(cache);
      deleteTree(data);
    }
  }

  private static String classPath(Class<?>... types) throws URISyntaxException {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : types) {
      entries.add(
          Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version")
        + ", cache "
        + CacheDirectory.resolve();
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }
}
