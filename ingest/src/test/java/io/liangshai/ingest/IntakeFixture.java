package io.liangshai.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.FieldError;
import io.liangshai.kafka.local.testing.SharedKafka;
import io.liangshai.log.RecordsLog;
import io.liangshai.log.RecordsLogException;
import io.liangshai.log.RecordsTopic;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The intake tests' bench: a {@link BatchIntake} over a landing zone in a test's folder, on the
 * default registry and a clock fixed at {@link #UPLOAD}, and the uploads they send it.
 */
final class IntakeFixture {

  static final TenantRegistry REGISTRY = TenantRegistryLoader.loadDefault();
  static final Instant UPLOAD = Instant.parse("2024-03-01T00:00:00Z");
  static final Uploader COUNTY = new Uploader("330522", "k_county");

  private static RecordsLog shared;

  private IntakeFixture() {}

  /**
   * The records log the intake tests append to: one topic on the test JVM's shared Kafka, opened on
   * first use and kept for the JVM (tests that read what was appended open a {@link #newLog}).
   */
  static synchronized RecordsLog log() {
    if (shared == null) {
      shared = newLog();
    }
    return shared;
  }

  /** A records log on a new topic of its own (one partition), for a test that reads it back. */
  static RecordsLog newLog() {
    String id = UUID.randomUUID().toString().substring(0, 8);
    try {
      return RecordsLog.open(
          new RecordsTopic(SharedKafka.bootstrapServers(), "test-records-" + id, 1, (short) 1)
              .ensure(),
          "test-" + id);
    } catch (RecordsLogException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An intake landing in {@code dir/landing}, its versions judged on {@code database}, at most
   * {@code maxRowsPerBatch} rows a batch.
   */
  static BatchIntake open(IndexDatabase database, Path dir, int maxRowsPerBatch)
      throws IOException {
    return new BatchIntake(
        new LandingZone(dir.resolve("landing")),
        REGISTRY,
        database.index(),
        log(),
        Clock.fixed(UPLOAD, ZoneOffset.UTC),
        maxRowsPerBatch);
  }

  /** An intake landing in {@code dir/landing}, with the default row limit. */
  static BatchIntake open(IndexDatabase database, Path dir) throws IOException {
    return open(database, dir, BatchIntake.DEFAULT_MAX_ROWS);
  }

  /** Uploads {@code body} (UTF-8) as {@code who}. */
  static BatchResult send(BatchIntake intake, Uploader who, BatchFormat format, String body)
      throws Exception {
    return send(intake, who, format, Optional.empty(), body.getBytes(StandardCharsets.UTF_8));
  }

  /** Uploads the bytes {@code body} as {@code who}, with the charset its Content-Type declared. */
  static BatchResult send(
      BatchIntake intake, Uploader who, BatchFormat format, Optional<Charset> charset, byte[] body)
      throws Exception {
    Path file = intake.landing().newIncomingFile();
    Files.write(file, body);
    return intake.ingest(who, format, charset, file);
  }

  /** {@code error} is on {@code row} of case {@code caseId}, field {@code field}, and says so. */
  static void assertRowError(
      FieldError error, int row, String caseId, String field, String messagePart) {
    assertThat(error.row()).isEqualTo(row);
    assertThat(error.caseId()).isEqualTo(caseId);
    assertThat(error.field()).isEqualTo(field);
    assertThat(error.message()).contains(messagePart);
  }
}
