package io.liangshai.ingest;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.record.ValidationResult;
import io.liangshai.tenants.TenantRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one received batch body and makes it durable: every row validated, accepted records
 * written to the landing zone before the answer, duplicates ignored, conflicts rejected, and the
 * body kept as received. Batches are taken one at a time per process so the version index stays
 * consistent.
 */
public final class BatchIntake implements AutoCloseable {

  /** First characters of the trailer line that closes every records file. */
  public static final String TRAILER_PREFIX = "{\"_batch\":";

  private static final Logger LOG = LoggerFactory.getLogger(BatchIntake.class);
  private static final DateTimeFormatter BATCH_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final LandingZone landing;
  private final TenantRegistry registry;
  private final VersionIndex index;
  private final Clock clock;

  public BatchIntake(LandingZone landing, TenantRegistry registry, Clock clock)
      throws IOException {
    this.landing = Objects.requireNonNull(landing, "landing");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.index = new VersionIndex(landing.root().resolve("version-index.mv"));
    if (index.isEmpty()) {
      rebuildIndex();
    }
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
  public synchronized BatchResult ingest(Uploader uploader, BatchFormat format, Path body)
      throws IOException, UnparseableBatchException {
    Instant receivedAt = clock.instant();
    String batchId = newBatchId(receivedAt);
    Path records = landing.recordsFile(batchId);
    Path recordsTmp = LandingZone.hiddenSibling(records);
    Map<String, String> staged = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    int[] counts = new int[3]; // accepted, ignored, rejected
    MessageDigest sha256 = sha256();
    CaseRecordValidator validator = new CaseRecordValidator(scopeOf(uploader));
    try (InputStream in = new DigestInputStream(Files.newInputStream(body), sha256);
        BufferedWriter out =
            new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(recordsTmp), StandardCharsets.UTF_8),
                64 * 1024)) {
      RowReaders.read(
          format,
          in,
          row -> {
            try {
              take(row, validator, staged, errors, counts, out);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      in.transferTo(java.io.OutputStream.nullOutputStream());
      out.write(TRAILER_PREFIX + "\"" + batchId + "\",\"records\":" + counts[0] + "}\n");
    } catch (UnparseableBatchException | RuntimeException | IOException e) {
      Files.deleteIfExists(recordsTmp);
      Files.deleteIfExists(body);
      throw e;
    }
    long bytes = Files.size(body);
    Path raw = landing.rawFile(batchId, format);
    LandingZone.publish(body, raw);
    LandingZone.publish(recordsTmp, records);
    index.commit(staged);
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
            errors);
    LandingZone.writeDurably(landing.manifestFile(batchId), BatchManifests.write(result));
    LOG.info(
        "batch {} from {} ({} bytes): {} accepted, {} ignored, {} rejected",
        batchId, uploader.tenantCode(), bytes, counts[0], counts[1], counts[2]);
    return result;
  }

  /** The manifest of a batch, if it exists. */
  public Optional<BatchResult> batch(String batchId) throws IOException {
    if (!batchId.matches("b_[0-9T]{18}_[0-9a-f]{8}")) {
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
      errors.add(new FieldError(row.number(), null, null, row.unreadable()));
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
            new FieldError(
                row.number(),
                record.caseId(),
                "updated_at",
                "conflicts with a stored record of case "
                    + record.key()
                    + " with the same updated_at "
                    + CaseRecordCodec.formatInstant(record.updatedAt())
                    + " but different content; send a new version with a later updated_at"));
        counts[2]++;
      }
    }
  }

  private TenantScope scopeOf(Uploader uploader) {
    return code -> {
      if (registry.find(code).isEmpty()) {
        return Optional.of("unknown tenant " + code + ": not in the tenant registry");
      }
      if (!registry.isSelfOrDescendant(uploader.tenantCode(), code)) {
        return Optional.of(
            "tenant "
                + code
                + " is outside the scope of this key (tenant "
                + uploader.tenantCode()
                + " may send its own cases and its counties')");
      }
      return Optional.empty();
    };
  }

  /** Rebuilds the version index from the landing zone's record files (after losing it). */
  private void rebuildIndex() throws IOException {
    Map<String, String> all = new HashMap<>();
    try (var files = landing.recordFiles()) {
      for (Path file : (Iterable<Path>) files::iterator) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
          lines
              .filter(l -> !l.startsWith(TRAILER_PREFIX) && !l.isBlank())
              .map(CaseRecordCodec::fromJson)
              .forEach(r -> all.putIfAbsent(VersionIndex.key(r), CaseRecordCodec.contentHash(r)));
        }
      }
    }
    if (!all.isEmpty()) {
      LOG.info("rebuilt the version index from the landing zone: {} versions", all.size());
      index.commit(all);
    }
  }

  private static String newBatchId(Instant at) {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    return "b_" + BATCH_TIME.format(at) + "_" + HexFormat.of().formatHex(random);
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
