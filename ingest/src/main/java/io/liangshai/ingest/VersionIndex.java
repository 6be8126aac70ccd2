package io.liangshai.ingest;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseVersionKey;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What ingest has accepted so far: for every {@code (tenant_code, case_id, updated_at)} the hash of
 * the record stored for it. Decides whether a new row is new, an exact duplicate (ignored) or a
 * conflict (rejected). Kept in an H2 MVStore file beside the landing zone; it can always be rebuilt
 * from the landing zone's record files.
 *
 * <p>It also remembers, in the same commit as the versions, the newest batch whose versions it
 * holds ({@link #committedThrough}); batch ids sort by time, so every records file with a greater
 * id was published but never committed (a crash in between) and is read again at start ({@link
 * IndexReconciler}).
 */
final class VersionIndex implements AutoCloseable {

  enum Verdict {
    NEW,
    DUPLICATE,
    CONFLICT
  }

  private final MVStore store;
  private static final String COMMITTED_THROUGH = "committed_through";

  private final MVMap<String, String> versions;
  private final MVMap<String, String> meta;

  VersionIndex(Path file) {
    this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    this.versions = store.openMap("versions");
    this.meta = store.openMap("meta");
  }

  /** The newest batch whose versions are committed; empty for an index older than this field. */
  Optional<String> committedThrough() {
    return Optional.ofNullable(meta.get(COMMITTED_THROUGH));
  }

  boolean isEmpty() {
    return versions.isEmpty();
  }

  /** The verdict for {@code record}, counting the not yet committed entries in {@code staged}. */
  Verdict judge(CaseRecord record, String hash, Map<String, String> staged) {
    String key = key(record);
    String existing = staged.get(key);
    if (existing == null) {
      existing = versions.get(key);
    }
    if (existing == null) {
      return Verdict.NEW;
    }
    return existing.equals(hash) ? Verdict.DUPLICATE : Verdict.CONFLICT;
  }

  Optional<String> storedHash(CaseRecord record) {
    return Optional.ofNullable(versions.get(key(record)));
  }

  /**
   * Adds the staged entries of batch {@code batchId} (a version already known keeps its first hash)
   * and makes them durable, with {@code batchId} as the newest committed batch if it is newer.
   */
  void commit(Map<String, String> staged, String batchId) {
    staged.forEach(versions::putIfAbsent);
    String newest = meta.get(COMMITTED_THROUGH);
    if (LandingFile.isBatchId(batchId) && (newest == null || batchId.compareTo(newest) > 0)) {
      meta.put(COMMITTED_THROUGH, batchId);
    }
    store.commit();
    store.sync();
  }

  static String key(CaseRecord record) {
    return CaseVersionKey.of(record).asString();
  }

  @Override
  public void close() {
    store.close();
  }
}
