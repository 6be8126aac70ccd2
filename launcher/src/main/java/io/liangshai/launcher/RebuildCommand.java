package io.liangshai.launcher;

import io.liangshai.archive.ArchiveDownload;
import io.liangshai.archive.RawArchive;
import io.liangshai.archive.RawArchives;
import io.liangshai.backup.Restore;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.LandingZone;
import io.liangshai.ingest.RawReplay;
import io.liangshai.log.RecordsLog;
import io.liangshai.metadata.MetadataSchema;
import io.liangshai.tenants.TenantRegistryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/liangshai rebuild --from OLD}: the case data of another data directory, or of the
 * shared archive the instances ship to ({@code LIANGSHAI_ARCHIVE}: {@code s3://BUCKET/PREFIX},
 * downloaded first, or a directory), rebuilt from its inputs ({@link RawReplay}) into an empty data
 * directory and empty databases — every raw body sent again through the intake, its records
 * appended to the records log, so the next start computes the figures. Refused, before anything is
 * written, for a target that holds data ({@link Restore#requireEmptyDataDir}, {@link
 * Restore#requireEmpty}) or a non-empty records log, and for an OLD without raw bodies and
 * manifests. Exit code 1 when a batch's verdict differs from OLD's manifest.
 */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the case data of OLD from its inputs into an empty data directory and empty",
      "databases: every raw body archived in OLD (a data directory's landing zone, or the shared",
      "archive LIANGSHAI_ARCHIVE names: s3://BUCKET/PREFIX or a directory) is sent again through",
      "the intake,",
      "in the order it was received, as its uploader (tenant, key id) in its format, so validation,",
      "versions and verdicts are recomputed; the next start computes the figures from them.",
      "Not rebuilt (no raw body holds them): API keys, schemes, indicator definitions, sign-offs,",
      "bulletins and uploads of reported indicator values; take those from a backup with restore.",
      "Exit code 1 when a batch's verdict differs from OLD's manifest."
    })
final class RebuildCommand implements Callable<Integer> {

  @Mixin StoreOptions stores;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "OLD",
      description = {
        "what is replayed (only read): a data directory, an archive directory, or an S3 archive",
        "s3://BUCKET/PREFIX (credentials and region from AWS_* or the AWS profile)"
      })
  String from;

  @Option(
      names = "--archive-endpoint",
      paramLabel = "URL",
      description = "the S3 endpoint of an s3:// OLD that is not AWS's, e.g. http://HOST:9000")
  Optional<String> endpoint = Optional.empty();

  @Override
  public Integer call() throws Exception {
    if (!RawArchives.isObjectStorage(from)) {
      Path old = landingOf(Path.of(from).toAbsolutePath().normalize());
      Restore.requireEmptyDataDir(stores.dataDir());
      return rebuildFrom(old);
    }
    // Checked before the download lands in it: the data directory must be new or empty.
    Restore.requireEmptyDataDir(stores.dataDir());
    Path download = stores.dataDir().resolve(".archive-download");
    try {
      try (RawArchive archive = RawArchives.open(from, endpoint)) {
        int files = ArchiveDownload.into(archive, download);
        System.out.printf("downloaded %d files from %s%n", files, archive.location());
      }
      return rebuildFrom(download);
    } finally {
      TempDirs.deleteTree(download);
    }
  }

  /** The landing zone of a data directory, or an archive directory (laid out as one) itself. */
  private Path landingOf(Path old) {
    if (old.equals(stores.dataDir())) {
      throw new IllegalArgumentException("rebuild into another data directory than --from " + old);
    }
    Path landing = old.resolve("landing");
    return Files.isDirectory(landing) ? landing : old;
  }

  /** Replays the landing zone {@code oldLanding} into this (checked empty) data directory. */
  private int rebuildFrom(Path oldLanding) throws Exception {
    List<BatchResult> archived = RawReplay.archived(oldLanding);
    LiangshaiConfig config = config();
    RawReplay.Summary summary;
    try (StoreOptions.Stores open = stores.open()) {
      Restore.requireEmpty(open.data());
      MetadataSchema.migrate(open.data().metadata());
      try (LogServer log = LogServer.start(config)) {
        if (!log.emptyAtStart()) {
          throw new IllegalArgumentException(
              "the records log " + log.topic().name() + " is not empty: rebuild into an empty one");
        }
        try (RecordsLog records = RecordsLog.open(log.topic(), LogServer.instanceId(config))) {
          summary =
              new RawReplay(
                      new LandingZone(open.data().landingDir()),
                      TenantRegistryLoader.loadFileOrDefault(config.tenantsCsv()),
                      open.data().metadata(),
                      records,
                      config.limits().maxRowsPerBatch())
                  .replay(oldLanding, archived);
        }
      }
    }
    return report(summary);
  }

  /** This process's configuration, over the data directory of {@link #stores}. */
  private LiangshaiConfig config() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("LIANGSHAI_DATA_DIR", stores.dataDir().toString());
    return LiangshaiConfig.from(env);
  }

  private int report(RawReplay.Summary summary) {
    System.out.printf(
        "rebuilt %s from %s: %d batches replayed, %d rows accepted, %d ignored, %d rejected%n",
        stores.dataDir(),
        from,
        summary.batches().size(),
        summary.accepted(),
        summary.ignored(),
        summary.rejected());
    if (summary.indicatorValueUploads() > 0) {
      System.out.printf(
          "not replayed: %d uploads of reported indicator values (no manifest names their"
              + " uploader; restore them from a backup)%n",
          summary.indicatorValueUploads());
    }
    List<RawReplay.Replayed> differing = summary.differing();
    for (RawReplay.Replayed r : differing) {
      System.out.printf(
          "verdict differs: batch %s was %d accepted, %d ignored, %d rejected;"
              + " replayed as %s: %d accepted, %d ignored, %d rejected%n",
          r.old().batchId(),
          r.old().accepted(),
          r.old().ignored(),
          r.old().rejected(),
          r.now().batchId(),
          r.now().accepted(),
          r.now().ignored(),
          r.now().rejected());
    }
    return differing.isEmpty() ? 0 : 1;
  }
}
