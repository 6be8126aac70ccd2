package io.liangshai.ingest;

import io.liangshai.core.record.FieldError;
import java.time.Instant;
import java.util.List;

/**
 * What became of one batch, as answered to the uploader and kept in its manifest.
 *
 * @param batchId the batch's id, for {@code GET /api/v1/batches/{id}}
 * @param tenant the uploader's tenant
 * @param keyId the key it was sent with
 * @param accepted rows stored as new versions
 * @param ignored rows identical to a stored record (replays)
 * @param rejected rows with errors; each has at least one entry in {@code errors}
 * @param errors every row error of the batch, in row order
 * @param recovered whether the manifest was reconstructed at start from a batch landed just before
 *     a crash (its uploader got no answer): {@code accepted} is then the records landed, {@code
 *     ignored} and {@code rejected} are unknown (0), the key unknown and the tenant the most
 *     specific one holding every landed record
 */
public record BatchResult(
    String batchId,
    String tenant,
    String keyId,
    Instant receivedAt,
    BatchFormat format,
    long bytes,
    String sha256,
    int accepted,
    int ignored,
    int rejected,
    List<FieldError> errors,
    boolean recovered) {

  /** The key of a batch whose manifest was reconstructed ({@link #recovered}). */
  public static final String UNKNOWN_KEY = "unknown";

  public BatchResult {
    errors = List.copyOf(errors);
  }

  /** How many row errors the batch has; an answer may list only the first of them. */
  public int errorsTotal() {
    return errors.size();
  }
}
