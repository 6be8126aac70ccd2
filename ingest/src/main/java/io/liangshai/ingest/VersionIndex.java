package io.liangshai.ingest;

import io.liangshai.core.record.CaseRecord;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What ingest has accepted so far: for every {@code (tenant_code, case_id, updated_at)} the hash of
 * the record stored for it. Decides whether a new row is new, an exact duplicate (ignored) or a
 * conflict (rejected). Kept in an H2 MVStore file beside the landing zone; it can always be rebuilt
 * from the landing zone's record files.
 */
final class VersionIndex implements AutoCloseable {

  enum Verdict {
    NEW,
    DUPLICATE,
    CONFLICT
  }

  private final MVStore store;
  private final MVMap<String, String> versions;

  VersionIndex(Path file) {
    this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    this.versions = store.openMap("versions");
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

  /** Adds the staged entries and makes them durable. */
  void commit(Map<String, String> staged) {
    versions.putAll(staged);
    store.commit();
    store.sync();
  }

  static String key(CaseRecord record) {
    long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, record.updatedAt());
    return record.tenantCode() + '\u001f' + record.caseId() + '\u001f' + micros;
  }

  @Override
  public void close() {
    store.close();
  }
}
