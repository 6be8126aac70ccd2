package io.liangshai.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The history of what was moved into the metadata tables from an older store, in table {@code
 * metadata_imports}: one row per item, the first time it was stored here. Recording the same item
 * again, from any process, changes nothing.
 */
public final class MetadataImports {

  /** What an imported item is: an API key, a scheme version, a bulletin series' numbering. */
  public enum Kind {
    KEY("key"),
    SCHEME("scheme"),
    BULLETIN_SERIES("bulletin-series");

    private final String column;

    Kind(String column) {
      this.column = column;
    }
  }

  private final Metadata metadata;

  public MetadataImports(DataSource dataSource, Clock clock) {
    this.metadata = new Metadata(dataSource, clock);
  }

  /**
   * Notes that {@code ref} of {@code kind} was imported from {@code source}; true if it was not
   * noted before.
   */
  public boolean record(Kind kind, String ref, String source) throws SQLException {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(source, "source");
    try (Connection c = metadata.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO metadata_imports (kind, ref, source, imported_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (kind, ref) DO NOTHING")) {
      ps.setString(1, kind.column);
      ps.setString(2, ref);
      ps.setString(3, source);
      ps.setTimestamp(4, Timestamp.from(metadata.now()));
      return ps.executeUpdate() == 1;
    }
  }

  /** The refs of {@code kind} imported so far, in order. */
  public List<String> recorded(Kind kind) throws SQLException {
    try (Connection c = metadata.connect()) {
      return Rows.list(
          c,
          "SELECT ref FROM metadata_imports WHERE kind = ? ORDER BY ref",
          rs -> rs.getString(1),
          kind.column);
    }
  }
}
