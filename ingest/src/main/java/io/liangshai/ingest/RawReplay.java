package io.liangshai.ingest;

import io.liangshai.log.RecordsLog;
import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.tenants.TenantRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@code bin/liangshai rebuild}: every batch another landing zone archived under {@code raw/} sent
 * again, in the order it was received (its manifest's {@code received_at}, then its id), through a
 * {@link BatchIntake} on this platform, as the manifest's uploader (tenant and key id) in the
 * manifest's format. Each is validated, judged against the versions replayed before it and landed
 * anew, at the time it was first received (the intake's clock stands there while it takes the
 * batch), so its verdict is recomputed from the input, not copied, and must equal the old one.
 *
 * <p>Uploads of reported indicator values ({@link IndicatorValueUploads}) are kept as received too,
 * but with no manifest: who sent them is not in the landing zone, and they are judged against the
 * indicator definitions in PostgreSQL, which no raw body holds. They are counted, not replayed.
 */
public final class RawReplay {

  /** One batch sent again: its old manifest and the new one. */
  public record Replayed(BatchResult old, BatchResult now) {

    /**
     * Whether the replay judged the rows as the old platform did: the same accepted, ignored and
     * rejected counts and as many row errors; of a {@link BatchResult#recovered recovered} old
     * manifest only the accepted rows are known.
     */
    public boolean sameVerdict() {
      if (old.recovered()) {
        return old.accepted() == now.accepted();
      }
      return old.accepted() == now.accepted()
          && old.ignored() == now.ignored()
          && old.rejected() == now.rejected()
          && old.errorsTotal() == now.errorsTotal();
    }
  }

  /**
   * What a replay did.
   *
   * @param batches every batch replayed, in the order sent
   * @param indicatorValueUploads the old zone's kept uploads of reported values, not replayed
   */
  public record Summary(List<Replayed> batches, long indicatorValueUploads) {

    public Summary {
      batches = List.copyOf(batches);
    }

    /** The batches whose verdict differs from the old manifest's: each one is a bug. */
    public List<Replayed> differing() {
      return batches.stream().filter(r -> !r.sameVerdict()).toList();
    }

    public long accepted() {
      return batches.stream().mapToLong(r -> r.now().accepted()).sum();
    }

    public long ignored() {
      return batches.stream().mapToLong(r -> r.now().ignored()).sum();
    }

    public long rejected() {
      return batches.stream().mapToLong(r -> r.now().rejected()).sum();
    }
  }

  private final ReceivedAt clock = new ReceivedAt();
  private final BatchIntake intake;

  /**
   * A replay into {@code target} (an empty landing zone) through an intake on the version index in
   * {@code metadata} (migrated, empty) that appends to {@code log}; {@code maxRowsPerBatch} as the
   * platform's.
   */
  public RawReplay(
      LandingZone target,
      TenantRegistry registry,
      DataSource metadata,
      RecordsLog log,
      int maxRowsPerBatch)
      throws IOException {
    this.intake =
        new BatchIntake(
            target,
            registry,
            new PostgresVersionIndex(metadata, clock),
            log,
            clock,
            maxRowsPerBatch);
  }

  /**
   * The manifests of the batches archived in the landing zone {@code oldLanding}, in the order they
   * were received; reads only.
   *
   * @throws IllegalArgumentException when it has no {@code raw/}, no manifest, or a manifest whose
   *     raw body is missing or has another SHA-256 than the manifest names
   */
  public static List<BatchResult> archived(Path oldLanding) throws IOException {
    Path raw = oldLanding.resolve("raw");
    Path batches = oldLanding.resolve("batches");
    if (!Files.isDirectory(raw) || !Files.isDirectory(batches)) {
      throw new IllegalArgumentException(
          oldLanding + " is no landing zone with raw bodies: it has no raw/ and batches/");
    }
    List<BatchResult> manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(batches)) {
      for (Path file : files.filter(RawReplay::isManifest).toList()) {
        BatchResult m = BatchManifests.read(Files.readAllBytes(file));
        Path body = rawBody(oldLanding, m);
        if (!Files.isRegularFile(body)) {
          throw new IllegalArgumentException(
              "batch " + m.batchId() + " of " + oldLanding + " has a manifest but no raw body");
        }
        if (!m.sha256().isEmpty() && !m.sha256().equals(sha256(body))) {
          throw new IllegalArgumentException(
              "the raw body of batch "
                  + m.batchId()
                  + " of "
                  + oldLanding
                  + " is not the one its manifest names (its SHA-256 differs)");
        }
        manifests.add(m);
      }
    }
    if (manifests.isEmpty()) {
      throw new IllegalArgumentException(
          oldLanding + " holds no batch manifest: nothing to replay");
    }
    manifests.sort(
        Comparator.comparing(BatchResult::receivedAt).thenComparing(BatchResult::batchId));
    return manifests;
  }

  /** Sends every batch of {@code archived} (read from {@code oldLanding}) again, in its order. */
  public Summary replay(Path oldLanding, List<BatchResult> archived)
      throws IOException, UnparseableBatchException, BatchTooLargeException {
    List<Replayed> replayed = new ArrayList<>();
    for (BatchResult old : archived) {
      Path body = intake.landing().newIncomingFile();
      Files.copy(rawBody(oldLanding, old), body, StandardCopyOption.REPLACE_EXISTING);
      clock.at(old.receivedAt());
      BatchResult now =
          intake.ingest(
              new Uploader(old.tenant(), old.keyId()), old.format(), Optional.empty(), body);
      replayed.add(new Replayed(old, now));
    }
    return new Summary(replayed, indicatorValueUploads(oldLanding));
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest = BatchIntake.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static boolean isManifest(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && name.endsWith(".json");
  }

  private static Path rawBody(Path landing, BatchResult m) {
    return landing.resolve("raw").resolve(m.batchId() + "." + m.format().extension());
  }

  private static long indicatorValueUploads(Path oldLanding) throws IOException {
    Path dir = oldLanding.resolve(IndicatorValueUploads.DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("v_")).count();
    }
  }

  /** The intake's clock: the time the batch being replayed was first received. */
  private static final class ReceivedAt extends Clock {
    private volatile Instant now = Instant.EPOCH;

    void at(Instant receivedAt) {
      now = receivedAt;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
