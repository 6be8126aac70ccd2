package io.liangshai.metadata;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/**
 * A metadata store (keys, schemes, bulletin numbers) failed: PostgreSQL is down, unreachable or
 * refused the statement. Thrown unchecked where a caller's interface has no {@link SQLException};
 * the API answers it, and any failure {@link #isStoreFailure} recognises, with 503.
 */
public final class MetadataStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param what what was being done, e.g. "allocate the next issue number of monthly"
   */
  public MetadataStoreException(String what, SQLException cause) {
    super("could not " + what + ": " + cause.getMessage(), cause);
  }

  /**
   * Whether {@code failure} came from the metadata database: this exception, the PostgreSQL
   * driver's, or the {@link MetadataPool}'s timeout waiting for a connection.
   */
  public static boolean isStoreFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MetadataStoreException || t instanceof PSQLException) {
        return true;
      }
      if (t instanceof SQLException
          && t.getMessage() != null
          && t.getMessage().startsWith(MetadataPool.NAME + " - ")) {
        return true;
      }
    }
    return false;
  }
}
