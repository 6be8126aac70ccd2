package io.liangshai.ingest;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.Problem;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.record.ValidationResult;
import io.liangshai.tenants.TenantRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one received batch body and makes it durable: every row validated, accepted records written
 * to the landing zone before the answer, duplicates ignored, conflicts rejected, and the body kept
 * as received. Batches are taken one at a time per process so the version index stays consistent.
 * At start the index is reconciled with the batches landed after its last commit ({@link
 * IndexReconciler}); {@link FaultHook} is the test hook that crashes in that window.
 */
public final class BatchIntake implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BatchIntake.class);

  private final LandingZone landing;
  private final TenantRegistry registry;
  private final VersionIndex index;
  private final BatchIds ids;
  private final Clock clock;
  private final int maxRows;

  /** Default for {@code maxRowsPerBatch}: 200,000 rows. */
  public static final int DEFAULT_MAX_ROWS = 200_000;

  public BatchIntake(LandingZone landing, TenantRegistry registry, Clock clock) throws IOException {
    this(landing, registry, clock, DEFAULT_MAX_ROWS);
  }

  /**
   * {@code maxRowsPerBatch}: a batch with more rows is refused whole ({@link
   * BatchTooLargeException}).
   */
  public BatchIntake(LandingZone landing, TenantRegistry registry, Clock clock, int maxRowsPerBatch)
      throws IOException {
    if (maxRowsPerBatch < 1) {
      throw new IllegalArgumentException(
          "maxRowsPerBatch must be at least 1, got " + maxRowsPerBatch);
    }
    this.maxRows = maxRowsPerBatch;
    this.landing = Objects.requireNonNull(landing, "landing");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    FaultHook.check();
    this.index = new VersionIndex(landing.root().resolve("version-index.mv"));
    try {
      new IndexReconciler(landing, index, registry).reconcile();
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
    this.ids = new BatchIds(index.committedThrough());
  }

  public LandingZone landing() {
    return landing;
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
   */
  public synchronized BatchResult ingest(
      Uploader uploader, BatchFormat format, Optional<Charset> declared, Path body)
      throws IOException, UnparseableBatchException, BatchTooLargeException {
    Instant receivedAt = clock.instant();
    String batchId = ids.next(receivedAt);
    Path records = landing.recordsFile(batchId);
    Path recordsTmp = LandingZone.hiddenSibling(records);
    Map<String, String> staged = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    int[] counts = new int[3]; // accepted, ignored, rejected
    MessageDigest sha256 = sha256();
    CaseRecordValidator validator = new CaseRecordValidator(scopeOf(uploader), receivedAt);
    int[] rowsSeen = new int[1];
    try (InputStream in = new DigestInputStream(Files.newInputStream(body), sha256);
        BufferedWriter out =
            new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(recordsTmp), StandardCharsets.UTF_8),
                64 * 1024)) {
      out.write(LandingFile.header(batchId));
      out.write('\n');
      Consumer<RawRow> rows =
          row -> {
            if (++rowsSeen[0] > maxRows) {
              throw new TooManyRows();
            }
            try {
              take(row, validator, staged, errors, counts, out);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          };
      if (format.isText()) {
        RowReaders.read(format, TextEncoding.of(body, format, declared), in, rows);
      } else {
        XlsxRows.read(body, rows);
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
      out.write(LandingFile.trailer(batchId, counts[0]));
      out.write('\n');
    } catch (TooManyRows e) {
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
    index.commit(staged, batchId);
    BatchResult result =
        new BatchResult(
            batchId,
            uploader.tenantCode(),
            uploader.keyId(),
            receivedAt,
            format,
            bytes,
            HexFormat.of().formatHex(sha256.digest()),
            counts[0],
            counts[1],
            counts[2],
            errors,
            false);
    LandingZone.writeDurably(landing.manifestFile(batchId), BatchManifests.write(result));
    LOG.info(
        "batch {} from {} ({} bytes): {} accepted, {} ignored, {} rejected",
        batchId,
        uploader.tenantCode(),
        bytes,
        counts[0],
        counts[1],
        counts[2]);
    return result;
  }

  /** The manifest of a batch, if it exists. */
  public Optional<BatchResult> batch(String batchId) throws IOException {
    if (!LandingFile.isBatchId(batchId)) {
      return Optional.empty();
    }
    Optional<byte[]> bytes = landing.readManifest(batchId);
    return bytes.isEmpty() ? Optional.empty() : Optional.of(BatchManifests.read(bytes.get()));
  }

  private void take(
      RawRow row,
      CaseRecordValidator validator,
      Map<String, String> staged,
      List<FieldError> errors,
      int[] counts,
      BufferedWriter out)
      throws IOException {
    if (!row.readable()) {
      errors.add(FieldError.of(row.number(), null, null, row.unreadable()));
      counts[2]++;
      return;
    }
    Optional<FieldError> nul = NulCharacters.find(row);
    if (nul.isPresent()) {
      errors.add(nul.get());
      counts[2]++;
      return;
    }
    ValidationResult result = validator.validate(row.fields(), row.number());
    if (!result.isValid()) {
      errors.addAll(result.errors());
      counts[2]++;
      return;
    }
    CaseRecord record = result.record();
    String json = CaseRecordCodec.toJson(record);
    String hash = CaseRecordCodec.contentHashOfJson(json);
    switch (index.judge(record, hash, staged)) {
      case NEW -> {
        staged.put(VersionIndex.key(record), hash);
        out.write(json);
        out.write('\n');
        counts[0]++;
      }
      case DUPLICATE -> counts[1]++;
      case CONFLICT -> {
        errors.add(
            FieldError.of(
                row.number(),
                record.caseId(),
                "updated_at",
                Problem.of(
                    ErrorCode.VERSION_CONFLICT,
                    "conflicts with a stored record of case "
                        + record.key()
                        + " with the same updated_at "
                        + CaseRecordCodec.formatInstant(record.updatedAt())
                        + " but different content; send a new version with a later updated_at",
                    "case",
                    record.key(),
                    "updated_at",
                    CaseRecordCodec.formatInstant(record.updatedAt()))));
        counts[2]++;
      }
    }
  }

  /** Thrown out of the row callback when a batch passes the row limit. */
  private static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super("too many rows", null, false, false);
    }
  }

  private TenantScope scopeOf(Uploader uploader) {
    return code -> {
      if (registry.find(code).isEmpty()) {
        return Optional.of(TenantScope.unknown(code));
      }
      if (!registry.isSelfOrDescendant(uploader.tenantCode(), code)) {
        return Optional.of(TenantScope.outOfScope(code, uploader.tenantCode()));
      }
      return Optional.empty();
    };
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    index.close();
  }
}
