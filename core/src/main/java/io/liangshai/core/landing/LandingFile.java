package io.liangshai.core.landing;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract of one batch's records in the landing zone, shared by ingest (which writes it) and
 * the stream job (which reads it): a header line naming the batch, then one canonical JSON record
 * per line ({@code CaseRecordCodec.toJson}), then a trailer line naming the batch again with the
 * number of records. Control lines start with {@code {"_batch}; a record line never does.
 *
 * <pre>
 * {"_batch_start":"b_20240102T013000123_0a1b2c3d"}
 * {"case_id":"…", …}
 * {"_batch":"b_20240102T013000123_0a1b2c3d","records":1}
 * </pre>
 *
 * Files written before the header existed start directly with a record line; readers accept both.
 */
public final class LandingFile {

  /** First characters of the header line that opens every records file. */
  public static final String HEADER_PREFIX = "{\"_batch_start\":";

  /** First characters of the trailer line that closes every records file. */
  public static final String TRAILER_PREFIX = "{\"_batch\":";

  private static final Pattern BATCH_ID = Pattern.compile("b_[0-9T]{18}_[0-9a-f]{8}");

  /** What a control line may name: ingest's ids, and the short ids of tests and tools. */
  private static final String LINE_BATCH = "[A-Za-z0-9_-]{1,64}";

  private static final Pattern HEADER =
      Pattern.compile("\\{\"_batch_start\":\"(" + LINE_BATCH + ")\"}");
  private static final Pattern TRAILER =
      Pattern.compile("\\{\"_batch\":\"(" + LINE_BATCH + ")\",\"records\":([0-9]{1,9})}");

  private LandingFile() {}

  /** Whether {@code batchId} has the form ingest gives batch ids. */
  public static boolean isBatchId(String batchId) {
    return batchId != null && BATCH_ID.matcher(batchId).matches();
  }

  /** The header line (without line break). */
  public static String header(String batchId) {
    return "{\"_batch_start\":\"" + requireBatchId(batchId) + "\"}";
  }

  /** The trailer line (without line break). */
  public static String trailer(String batchId, int records) {
    if (records < 0) {
      throw new IllegalArgumentException("records must be ≥ 0, got " + records);
    }
    return "{\"_batch\":\"" + requireBatchId(batchId) + "\",\"records\":" + records + "}";
  }

  /** Whether the line is a header or trailer rather than a record. */
  public static boolean isControl(String line) {
    return line.startsWith("{\"_batch");
  }

  /** The batch a header line opens; empty when the line is not a header. */
  public static Optional<String> headerBatch(String line) {
    Matcher m = HEADER.matcher(line.strip());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The batch and record count of a trailer line; empty when the line is not a trailer. */
  public static Optional<Trailer> trailerOf(String line) {
    Matcher m = TRAILER.matcher(line.strip());
    return m.matches()
        ? Optional.of(new Trailer(m.group(1), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  private static String requireBatchId(String batchId) {
    if (batchId == null || !batchId.matches(LINE_BATCH)) {
      throw new IllegalArgumentException("not a batch id: " + batchId);
    }
    return batchId;
  }

  /** What a trailer line says: the batch it closes and how many records it holds. */
  public record Trailer(String batchId, int records) {
    public Trailer {
      Objects.requireNonNull(batchId, "batchId");
    }
  }
}
