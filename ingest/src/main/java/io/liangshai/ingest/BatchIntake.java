package io.liangshai.ingest;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.log.RecordsLog;
import io.liangshai.log.RecordsLogException;
import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.metadata.VersionClaims;
import io.liangshai.tenants.TenantRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one received batch body and makes it durable: every row validated, accepted records written
 * to the landing zone and appended to the {@link RecordsLog} (Kafka, which the job reads) before
 * the answer, duplicates ignored, conflicts rejected, and the body kept as received. Every version
 * is judged by the {@link PostgresVersionIndex} in one transaction per batch, so batches may be
 * taken concurrently, by this process and by others on the same PostgreSQL: of two uploads of one
 * version with different content exactly one is accepted.
 *
 * <p>The order is: the body and the records file published, the batch appended to Kafka, the claims
 * committed to PostgreSQL with the batch's manifest, then its copy written to {@code batches/}. A
 * crash before the claims commit leaves a published batch whose claims are not committed; at every
 * start {@link IndexReconciler} claims each such batch and appends it to the log again — harmless
 * if it was there already, because the job takes an identical version once — and writes the
 * manifest file of a committed batch that has none. {@link FaultHook} is the test hook that crashes
 * in both windows.
 */
public final class BatchIntake implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BatchIntake.class);

  private final LandingZone landing;
  private final TenantRegistry registry;
  private final PostgresVersionIndex index;
  private final RecordsLog log;
  private final BatchIds ids;
  private final Clock clock;
  private final int maxRows;

  /** Default for {@code maxRowsPerBatch}: 200,000 rows. */
  public static final int DEFAULT_MAX_ROWS = 200_000;

  public BatchIntake(
      LandingZone landing,
      TenantRegistry registry,
      PostgresVersionIndex index,
      RecordsLog log,
      Clock clock)
      throws IOException {
    this(landing, registry, index, log, clock, DEFAULT_MAX_ROWS);
  }

  /**
   * {@code index}: the version index on the platform's metadata database (migrated); {@code log}:
   * the records log the job reads; {@code maxRowsPerBatch}: a batch with more rows is refused whole
   * ({@link BatchTooLargeException}).
   */
  public BatchIntake(
      LandingZone landing,
      TenantRegistry registry,
      PostgresVersionIndex index,
      RecordsLog log,
      Clock clock,
      int maxRowsPerBatch)
      throws IOException {
    if (maxRowsPerBatch < 1) {
      throw new IllegalArgumentException(
          "maxRowsPerBatch must be at least 1, got " + maxRowsPerBatch);
    }
    this.maxRows = maxRowsPerBatch;
    this.landing = Objects.requireNonNull(landing, "landing");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.index = Objects.requireNonNull(index, "index");
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
    FaultHook.check();
    this.ids = new BatchIds(new IndexReconciler(landing, index, registry, log).atStart());
  }

  public LandingZone landing() {
    return landing;
  }

  /** The most rows one batch may have (more: {@link BatchTooLargeException}). */
  public int maxRowsPerBatch() {
    return maxRows;
  }

  /**
   * Ingests the body in {@code body} (a file under the landing zone's {@code incoming/}, which this
   * call moves or deletes).
   *
   * @throws UnparseableBatchException when the body cannot be read as {@code format} at all;
   *     nothing is kept then
   */
  public BatchResult ingest(Uploader uploader, BatchFormat format, Path body)
      throws IOException, UnparseableBatchException, BatchTooLargeException {
    return ingest(uploader, format, Optional.empty(), body);
  }

  /**
   * As {@link #ingest(Uploader, BatchFormat, Path)}, with the charset the Content-Type declared
   * ({@link TextEncoding#declared}); without one a CSV that is not UTF-8 is read as GB18030.
   *
   * @throws BatchTooLargeException when the batch has more than the row limit; nothing is kept
   * @throws IntakeUnavailableException when PostgreSQL cannot judge the batch (not reachable, or
   *     deadlocked {@value Deadlocks#ATTEMPTS} times); nothing is kept
   */
  public BatchResult ingest(
      Uploader uploader, BatchFormat format, Optional<Charset> declared, Path body)
      throws IOException, UnparseableBatchException, BatchTooLargeException {
    Instant receivedAt = clock.instant();
    String batchId = ids.next(receivedAt);
    for (int attempt = 1; ; attempt++) {
      try (VersionClaims claims = index.begin(batchId)) {
        return land(claims, batchId, receivedAt, uploader, format, declared, body);
      } catch (SQLException e) {
        if (VersionClaims.isDeadlock(e) && attempt < Deadlocks.ATTEMPTS) {
          LOG.info("batch {}: deadlocked with a concurrent upload, taken again", batchId);
          Deadlocks.pauseBeforeAttempt(attempt + 1);
          continue;
        }
        Files.deleteIfExists(LandingZone.stagingFile(landing.recordsFile(batchId)));
        Files.deleteIfExists(body);
        // The driver's text names tables and columns: logged here, never answered to a client.
        LOG.warn(
            "batch {}: its versions could not be claimed on PostgreSQL: {}", batchId, e.toString());
        throw new IntakeUnavailableException(
            (VersionClaims.isDeadlock(e)
                    ? "the batch stayed deadlocked with concurrent uploads of the same cases after "
                        + Deadlocks.ATTEMPTS
                        + " attempts"
                    : "the version index on PostgreSQL did not answer")
                + "; nothing of the batch was kept, send it again",
            e);
      }
    }
  }

  /** One attempt: rows claimed and written, the batch published, then its claims committed. */
  private BatchResult land(
      VersionClaims claims,
      String batchId,
      Instant receivedAt,
      Uploader uploader,
      BatchFormat format,
      Optional<Charset> declared,
      Path body)
      throws IOException, UnparseableBatchException, BatchTooLargeException, SQLException {
    Path records = landing.recordsFile(batchId);
    Path recordsTmp = LandingZone.stagingFile(records);
    MessageDigest sha256 = sha256();
    CaseRecordValidator validator =
        new CaseRecordValidator(registry.scopeOf(uploader.tenantCode()), receivedAt);
    BatchRows rows;
    try (InputStream in = new DigestInputStream(Files.newInputStream(body), sha256);
        BufferedWriter out =
            new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(recordsTmp), StandardCharsets.UTF_8),
                64 * 1024)) {
      rows = new BatchRows(validator, claims, out, maxRows);
      out.write(LandingFile.header(batchId));
      out.write('\n');
      if (format.isText()) {
        RowReaders.read(
            format, TextEncoding.of(body, format, declared), in, CaseColumns.COLUMNS, rows);
      } else {
        XlsxRows.read(body, rows);
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
      rows.finish();
      out.write(LandingFile.trailer(batchId, rows.accepted()));
      out.write('\n');
    } catch (BatchRows.ClaimFailed e) {
      throw e.sqlException();
    } catch (BatchRows.TooManyRows e) {
      Files.deleteIfExists(recordsTmp);
      Files.deleteIfExists(body);
      throw new BatchTooLargeException(
          "the batch has more than "
              + maxRows
              + " rows, the limit per batch; split it (bin/liangshai upload splits files itself)");
    } catch (UnparseableBatchException | RuntimeException | IOException e) {
      Files.deleteIfExists(recordsTmp);
      Files.deleteIfExists(body);
      throw e;
    }
    long bytes = Files.size(body);
    Path raw = landing.rawFile(batchId, format);
    LandingZone.publish(body, raw);
    LandingZone.publish(recordsTmp, records);
    FaultHook.afterLanding();
    try {
      log.append(uploader.tenantCode(), batchId, records);
    } catch (RecordsLogException e) {
      // Not accepted: its claims roll back with this attempt, so its files go too.
      Files.deleteIfExists(records);
      Files.deleteIfExists(raw);
      LOG.warn("batch {}: the records log did not take it: {}", batchId, e.toString());
      throw new IntakeUnavailableException(
          "the records log (Kafka) did not take the batch; nothing of the batch was kept, send it"
              + " again",
          e);
    }
    FaultHook.afterLog();
    BatchResult result =
        new BatchResult(
            batchId,
            uploader.tenantCode(),
            uploader.keyId(),
            receivedAt,
            format,
            bytes,
            HexFormat.of().formatHex(sha256.digest()),
            rows.accepted(),
            rows.ignored(),
            rows.rejected(),
            rows.errors(),
            false);
    byte[] manifest = BatchManifests.write(result);
    try {
      claims.commit(BatchManifests.row(result, manifest));
    } catch (SQLException e) {
      LOG.warn("batch {}: landed, but PostgreSQL did not commit it: {}", batchId, e.toString());
      throw new IntakeUnavailableException(
          "batch "
              + batchId
              + " was landed but PostgreSQL did not commit its versions; they are claimed at the"
              + " next start",
          e);
    }
    LandingZone.writeDurably(landing.manifestFile(batchId), manifest);
    LOG.info(
        "batch {} from {} ({} bytes): {} accepted, {} ignored, {} rejected",
        batchId,
        uploader.tenantCode(),
        bytes,
        rows.accepted(),
        rows.ignored(),
        rows.rejected());
    return result;
  }

  /**
   * The manifest of a batch, if it exists: as PostgreSQL holds it, whichever process took the
   * batch, else (a batch committed before manifests were kept there) as this landing zone does.
   */
  public Optional<BatchResult> batch(String batchId) throws IOException {
    if (!LandingFile.isBatchId(batchId)) {
      return Optional.empty();
    }
    try {
      Optional<byte[]> stored = index.manifest(batchId);
      Optional<byte[]> bytes = stored.isPresent() ? stored : landing.readManifest(batchId);
      return bytes.isEmpty() ? Optional.empty() : Optional.of(BatchManifests.read(bytes.get()));
    } catch (SQLException e) {
      // The driver's text names tables and columns: logged here, never answered to a client.
      LOG.warn(
          "batch {}: its manifest could not be read from PostgreSQL: {}", batchId, e.toString());
      throw new IntakeUnavailableException(
          "PostgreSQL, where the batch manifests are kept, did not answer; retry in a few seconds",
          e);
    }
  }

  /** A fresh SHA-256 digest, for a body as received. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Nothing to release: the version index and its database belong to the caller. */
  @Override
  public void close() {}
}
