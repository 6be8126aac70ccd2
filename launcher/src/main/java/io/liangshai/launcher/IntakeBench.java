package io.liangshai.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.BatchIntake;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.CaseColumns;
import io.liangshai.ingest.LandingZone;
import io.liangshai.ingest.Uploader;
import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.tenants.TenantRegistryLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/liangshai bench intake}: the memory an XLSX upload needs. Writes a workbook of a
 * generated feed (shared strings, Chinese template headers, as Excel saves it), then ingests it in
 * a child JVM with a small heap ({@code -Xmx256m} by default) and reports the peak heap used.
 */
@Command(
    name = "intake",
    mixinStandardHelpOptions = true,
    description =
        "Ingests a generated XLSX in a child JVM with a small heap; prints its peak heap.")
class IntakeBench implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--rows", description = "rows in the workbook (default ${DEFAULT-VALUE})")
  int rows = 200_000;

  @Option(names = "--xmx", description = "the child JVM's heap limit (default ${DEFAULT-VALUE})")
  String xmx = "256m";

  @Option(names = "--xlsx", description = "ingest this workbook instead of generating one")
  Path xlsx;

  @Option(names = "--child", hidden = true)
  Path child;

  @Override
  public Integer call() throws Exception {
    if (child != null) {
      return ingest(child);
    }
    Path dir = Files.createTempDirectory("liangshai-intake-bench");
    try {
      Path file = xlsx != null ? xlsx : generate(dir.resolve("cases.xlsx"), rows);
      System.out.printf(
          "workbook %s: %,d bytes; ingesting in a child JVM with -Xmx%s …%n",
          file.getFileName(), Files.size(file), xmx);
      Process p =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-Xmx" + xmx,
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  IntakeBench.class.getName(),
                  "--child",
                  file.toString())
              .inheritIO()
              .start();
      return p.waitFor();
    } finally {
      TempDirs.deleteTree(dir);
    }
  }

  /** A workbook of {@code rows} rows of a generated feed, headers in Chinese. */
  static Path generate(Path file, int rows) throws IOException {
    Path feed = file.resolveSibling("feed.jsonl");
    try (var writer = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
      new FeedGenerator(
              TenantRegistryLoader.loadDefault(),
              7,
              LocalDate.of(2024, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
              Duration.ofDays(90))
          .write(rows / 2 + 1, writer);
    }
    List<String> fields = new ArrayList<>(CaseColumns.all().keySet());
    int written = 0;
    // Shared strings, as Excel writes them: the reader must keep them off the heap.
    try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, true);
        OutputStream out = Files.newOutputStream(file)) {
      SXSSFSheet sheet = wb.createSheet("问题件");
      var header = sheet.createRow(0);
      for (int i = 0; i < fields.size(); i++) {
        header.createCell(i).setCellValue(CaseColumns.all().get(fields.get(i)));
      }
      try (BufferedReader lines = Files.newBufferedReader(feed, StandardCharsets.UTF_8)) {
        String line;
        while (written < rows) {
          line = lines.readLine();
          if (line == null) {
            break;
          }
          JsonNode r = JSON.readTree(line);
          var row = sheet.createRow(++written);
          for (int i = 0; i < fields.size(); i++) {
            JsonNode v = r.get(fields.get(i));
            if (v != null && !v.isNull()) {
              row.createCell(i).setCellValue(v.asText());
            }
          }
        }
      }
      wb.write(out);
    }
    Files.delete(feed);
    return file;
  }

  /** The child: one ingest, its time and peak heap. */
  private static int ingest(Path xlsx) throws Exception {
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    AtomicLong sampled = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                sampled.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  TimeUnit.MILLISECONDS.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    AtomicLong liveAfterGc = new AtomicLong();
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((javax.management.NotificationEmitter) gc)
          .addNotificationListener(
              (n, handback) -> {
                if (n.getType()
                    .equals(
                        com.sun.management.GarbageCollectionNotificationInfo
                            .GARBAGE_COLLECTION_NOTIFICATION)) {
                  var info =
                      com.sun.management.GarbageCollectionNotificationInfo.from(
                          (javax.management.openmbean.CompositeData) n.getUserData());
                  if (!info.getGcAction().contains("major")) {
                    return; // after a minor GC the old generation still holds garbage
                  }
                  long used =
                      info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                          .filter(e -> heap.stream().anyMatch(p -> p.getName().equals(e.getKey())))
                          .mapToLong(e -> e.getValue().getUsed())
                          .sum();
                  liveAfterGc.accumulateAndGet(used, Math::max);
                }
              },
              null,
              null);
    }
    Path dir = Files.createTempDirectory("liangshai-intake-child");
    BatchResult r;
    long started;
    try (MetadataServer postgres = MetadataServer.local(dir.resolve("postgres"));
        HikariDataSource metadata = postgres.openPool();
        io.liangshai.kafka.local.LocalKafka kafka =
            io.liangshai.kafka.local.LocalKafka.start(dir.resolve("kafka"));
        io.liangshai.log.RecordsLog records =
            io.liangshai.log.RecordsLog.open(
                io.liangshai.log.RecordsTopic.local(kafka.bootstrapServers()).ensure(), "bench");
        BatchIntake intake =
            new BatchIntake(
                new LandingZone(dir.resolve("landing")),
                TenantRegistryLoader.loadDefault(),
                new PostgresVersionIndex(metadata, Clock.systemUTC()),
                records,
                Clock.systemUTC(),
                Integer.MAX_VALUE)) {
      started = System.nanoTime();
      Path body = intake.landing().newIncomingFile();
      Files.copy(xlsx, body, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      r = intake.ingest(new Uploader("330000", "bench"), BatchFormat.XLSX, body);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    long poolPeaks = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long max = Runtime.getRuntime().maxMemory();
    System.out.printf(
        "rows %,d: %,d accepted, %,d ignored, %,d rejected in %.1f s (%,.0f rows/s)%n",
        r.accepted() + r.ignored() + r.rejected(),
        r.accepted(),
        r.ignored(),
        r.rejected(),
        seconds,
        (r.accepted() + r.ignored() + r.rejected()) / seconds);
    System.out.printf(
        "peak heap used: %.0f MiB sampled every 5 ms, %.0f MiB by the pools' peaks (garbage"
            + " included); largest heap left after a full GC (the live set): %.0f MiB; heap limit %.0f"
            + " MiB%n",
        sampled.get() / 1048576.0,
        poolPeaks / 1048576.0,
        liveAfterGc.get() / 1048576.0,
        max / 1048576.0);
    TempDirs.deleteTree(dir);
    return 0;
  }

  /** Lets the child run without picocli's parent command. */
  public static void main(String[] args) throws Exception {
    System.exit(new picocli.CommandLine(new IntakeBench()).execute(args));
  }
}
