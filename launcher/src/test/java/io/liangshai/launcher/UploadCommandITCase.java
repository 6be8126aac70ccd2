package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.api.ApiServer;
import io.liangshai.api.ApiServices;
import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.vocabulary.Vocabulary;
import io.liangshai.core.warning.PriorRiskModel;
import io.liangshai.ingest.BatchIntake;
import io.liangshai.ingest.LandingZone;
import io.liangshai.ingest.XlsxBatchWriter;
import io.liangshai.launcher.upload.RowErrorReport;
import io.liangshai.launcher.upload.UploadState;
import io.liangshai.metadata.MetadataStores;
import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.Warehouse;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/liangshai upload} against a real API on port 0: files cut into batches, row errors at
 * the file's own row numbers in a table and in {@code FILE.errors.csv}, and a re-run that sends
 * only what the server does not have.
 */
class UploadCommandITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();
  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private static final String COUNTY = "330522";
  private static final String HEADER =
      "case_id,tenant_code,updated_at,enterprise_uscc,enterprise_name,channel,category,"
          + "received_at,status,description";

  @TempDir static Path data;
  @TempDir Path dir;

  private static Vertx vertx;
  private static Warehouse warehouse;
  private static BatchIntake intake;
  private static ApiServices services;
  private static ApiServer server;
  private static String url;
  private static String key;

  /** The intake's records log: a topic of its own on the test JVM's shared Kafka. */
  private static io.liangshai.log.RecordsLog records() throws Exception {
    return io.liangshai.log.RecordsLog.open(
        new io.liangshai.log.RecordsTopic(
                io.liangshai.kafka.local.testing.SharedKafka.bootstrapServers(),
                "upload-test-" + UUID.randomUUID(),
                1,
                (short) 1)
            .ensure(),
        "upload-test");
  }

  @BeforeAll
  static void start() throws Exception {
    TenantRegistry registry = TenantRegistryLoader.loadDefault();
    String admin = "upload-admin-" + UUID.randomUUID();
    vertx = Vertx.vertx();
    warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl());
    intake =
        new BatchIntake(
            new LandingZone(data.resolve("landing")),
            registry,
            new PostgresVersionIndex(METADATA.dataSource(), Clock.systemUTC()),
            records(),
            Clock.systemUTC());
    services =
        ApiServices.of(
            warehouse,
            MetadataStores.on(METADATA.dataSource(), Clock.systemUTC()),
            registry,
            admin,
            intake,
            Clock.systemUTC(),
            new PriorRiskModel());
    server = new ApiServer(vertx, services, LiangshaiConfig.Limits.DEFAULTS);
    server.start("127.0.0.1", 0).await();
    url = "http://127.0.0.1:" + server.port();
    key = new PlatformClient(url).issueKey(admin, COUNTY, "upload test");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop().await();
    }
    if (services != null) {
      services.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (intake != null) {
      intake.close();
    }
    if (warehouse != null) {
      warehouse.close();
    }
  }

  private static String row(int i, String caseId, String receivedAt) {
    return caseId
        + ","
        + COUNTY
        + ",2024-03-01T10:00:00+08:00,91350100M000100Y43,长兴企业"
        + i
        + ",hotline_12345,policy,"
        + receivedAt
        + ",received,反映用地问题"
        + i;
  }

  /** {@code n} rows; rows 7 and 19 have a time without offset. */
  private static List<String> rows(String prefix, int n) {
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String received = i == 7 || i == 19 ? "2024-03-01T09:00:00" : "2024-03-01T09:00:00+08:00";
      rows.add(row(i, prefix + i, received));
    }
    return rows;
  }

  private record Run(int exit, String out) {}

  private static Run upload(String... args) {
    UploadCommand command = new UploadCommand();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    command.out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    List<String> all = new ArrayList<>(List.of("--url", url, "--no-progress"));
    all.addAll(List.of(args));
    int exit = new CommandLine(command).execute(all.toArray(String[]::new));
    return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
  }

  @Test
  void cutsAGbkCsvIntoBatchesAndReportsRowErrorsAtTheFilesRows() throws Exception {
    Path file = dir.resolve("长兴.csv");
    Files.writeString(
        file, HEADER + "\n" + String.join("\n", rows("gbk-", 25)) + "\n", Charset.forName("GBK"));

    Run run = upload("--key", key, "--rows-per-batch", "10", file.toString());

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("25 rows in 3 batches — 23 accepted, 0 ignored", "2 rejected");
    assertThat(run.out()).contains("gbk-7", "gbk-19", "+08:00");
    List<String> errors = Files.readAllLines(RowErrorReport.fileFor(file), StandardCharsets.UTF_8);
    assertThat(errors.get(0))
        .isEqualTo("\uFEFF" + String.join(",", RowErrorReport.COLUMNS))
        .isEqualTo("\uFEFFrow,case_id,field,problem,code,params,message");
    assertThat(errors.get(1)).startsWith("7,gbk-7,received_at,");
    assertThat(errors.get(2)).startsWith("19,gbk-19,received_at,");
    CSVRecord seventh =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(String.join("\n", errors).substring(1)))
            .getRecords()
            .get(0);
    assertThat(seventh.get("code")).isEqualTo(ErrorCode.TIME_NO_OFFSET.wireName());
    assertThat(seventh.get("params")).isEqualTo("{\"found\":\"2024-03-01T09:00:00\"}");
    assertThat(seventh.get("problem"))
        .isEqualTo(
            Vocabulary.text(ErrorCode.TIME_NO_OFFSET, Map.of("found", "2024-03-01T09:00:00")))
        .startsWith("「2024-03-01T09:00:00」没有时区");
    assertThat(seventh.get("message")).contains("has no offset");
    assertThat(new ObjectMapper().readTree(UploadState.fileFor(file).toFile()).get("parts"))
        .hasSize(3);
  }

  @Test
  void writesEveryRowErrorEvenPastTheFirst1000ThatAnAnswerLists() throws Exception {
    Path file = dir.resolve("many-errors.csv");
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 1_100; i++) {
      rows.add(row(i, "many-" + i, "2024-03-01T09:00:00"));
    }
    Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");

    Run run = upload("--key", key, file.toString());

    assertThat(run.out()).contains("1100 rejected");
    List<String> errors = Files.readAllLines(RowErrorReport.fileFor(file), StandardCharsets.UTF_8);
    assertThat(errors).hasSize(1 + 1_100);
    assertThat(errors.get(1_100)).startsWith("1100,many-1100,received_at,");
  }

  @Test
  void aRerunSendsOnlyWhatTheServerDoesNotHave() throws Exception {
    Path file = dir.resolve("resume.csv");
    List<String> rows = rows("res-", 25);
    Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
    assertThat(upload("--key", key, "--rows-per-batch", "10", file.toString()).exit()).isZero();
    long batches = batchFiles();

    Run again = upload("--key", key, "--rows-per-batch", "10", file.toString());

    assertThat(again.exit()).as(again.out()).isZero();
    assertThat(again.out()).contains("3 batch(es) already on the server, not sent again");
    assertThat(again.out()).contains("23 accepted");
    assertThat(batchFiles()).isEqualTo(batches);
    assertThat(Files.readAllLines(RowErrorReport.fileFor(file))).hasSize(3);

    // Five more rows: the first two batches are unchanged and skipped; the third is sent again,
    // its five old rows ignored as duplicates.
    List<String> more = new ArrayList<>(rows);
    for (int i = 26; i <= 30; i++) {
      more.add(row(i, "res-" + i, "2024-03-02T09:00:00+08:00"));
    }
    Files.writeString(file, HEADER + "\n" + String.join("\n", more) + "\n");
    Run grown = upload("--key", key, "--rows-per-batch", "10", file.toString());
    assertThat(grown.out()).contains("30 rows in 3 batches", "2 batch(es) already on the server");
    assertThat(batchFiles()).isEqualTo(batches + 1);
  }

  @Test
  void uploadsXlsxWithChineseHeadersAndJsonLines() throws Exception {
    Path xlsx = dir.resolve("cases.xlsx");
    try (XlsxBatchWriter w =
            new XlsxBatchWriter(
                List.of("问题件编号", "行政区划代码", "更新时间", "统一社会信用代码", "来源渠道", "问题类别", "受理时间", "办理状态"));
        OutputStream out = Files.newOutputStream(xlsx)) {
      for (int i = 0; i < 12; i++) {
        w.row(
            List.of(
                "xl-" + i,
                COUNTY,
                "2024-03-01T10:00:00+08:00",
                "91350100M000100Y43",
                "hotline_12345",
                "policy",
                "2024-03-01T09:00:00+08:00",
                "received"));
      }
      w.writeTo(out);
    }
    Path jsonl = dir.resolve("cases.jsonl");
    Files.writeString(
        jsonl,
        "{\"case_id\":\"jl-1\",\"tenant_code\":\""
            + COUNTY
            + "\",\"updated_at\":\"2024-03-01T10:00:00+08:00\","
            + "\"enterprise_uscc\":\"91350100M000100Y43\",\"channel\":\"hotline_12345\",\"category\":\"policy\","
            + "\"received_at\":\"2024-03-01T09:00:00+08:00\",\"status\":\"received\"}\n");

    Run run = upload("--key", key, "--rows-per-batch", "5", xlsx.toString(), jsonl.toString());

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("12 rows in 3 batches — 12 accepted", "1 rows in 1 batch — 1 accepted");
    assertThat(RowErrorReport.fileFor(xlsx)).doesNotExist();
  }

  @Test
  void aWrongKeyStopsWithTheServersReason() throws Exception {
    Path file = dir.resolve("x.csv");
    Files.writeString(file, HEADER + "\n" + row(1, "k-1", "2024-03-01T09:00:00+08:00") + "\n");

    Run run = upload("--key", "ls_wrong", file.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("refused (401)", "unknown or revoked key");
  }

  private static long batchFiles() throws Exception {
    try (var files = Files.list(data.resolve("landing/batches"))) {
      return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }
  }
}
