package io.liangshai.ingest;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.log.RecordsLog;
import io.liangshai.log.RecordsLogException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step from a release whose job read the landing zone's records files to one whose job reads
 * the records log: when the log starts empty, every landed batch the job has not processed yet is
 * appended to it, oldest first, so nothing that was accepted before the upgrade is left unread.
 * Batches already processed are not, when the job resumes a checkpoint: its state holds them. A job
 * without one (a restored backup) must read every batch, so its caller passes no batch as
 * processed. From then on the log keeps everything, so a job that loses its state reads it from the
 * beginning.
 */
public final class LogBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(LogBackfill.class);

  private LogBackfill() {}

  /** Appends every landed batch that {@code processed} does not hold; how many. */
  public static int appendUnprocessed(
      LandingZone landing, RecordsLog log, Predicate<String> processed)
      throws IOException, RecordsLogException {
    List<Path> files;
    try (Stream<Path> all = landing.recordFiles()) {
      files = all.toList();
    }
    int appended = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      String batchId = name.substring(0, name.length() - ".jsonl".length());
      if (!LandingFile.isBatchId(batchId) || processed.test(batchId)) {
        continue;
      }
      Optional<byte[]> manifest = landing.readManifest(batchId);
      String key = manifest.isPresent() ? BatchManifests.read(manifest.get()).tenant() : batchId;
      log.append(key, batchId, file);
      appended++;
    }
    if (appended > 0) {
      LOG.info(
          "records log was empty: {} landed batches not yet processed appended to it", appended);
    }
    return appended;
  }
}
