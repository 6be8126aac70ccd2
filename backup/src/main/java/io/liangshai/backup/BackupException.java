package io.liangshai.backup;

/**
 * A backup that cannot be taken or a restore that is refused, with what to do about it: which file,
 * table or directory, and what was expected.
 */
public final class BackupException extends RuntimeException {

  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Refuses a backup taken at {@code taken} schema versions of {@code store} on {@code found}. */
  static void requireSameSchema(String store, Object taken, Object found) {
    if (!taken.equals(found)) {
      throw new BackupException(
          "the backup was taken at "
              + store
              + " schema version "
              + taken
              + ", this release has "
              + found
              + "; restore it with the release that took it");
    }
  }

  /** Fails a restore whose {@code table} took other than the {@code expected} rows. */
  static void requireRows(String table, long expected, long restored) {
    if (restored != expected) {
      throw new BackupException(
          table + ": the backup holds " + expected + " rows, " + restored + " were restored");
    }
  }
}
