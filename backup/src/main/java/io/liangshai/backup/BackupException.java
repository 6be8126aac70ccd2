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
}
