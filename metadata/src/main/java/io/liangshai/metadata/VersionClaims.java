package io.liangshai.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of one upload batch, in one open transaction. {@link #claim} inserts the version with
 * its hash unless it is there; a version another open batch has claimed makes it wait until that
 * batch commits (then it is a duplicate or a conflict) or rolls back (then it is new here). So two
 * concurrent uploads of one version with different content: exactly one is accepted. {@link
 * #commit} makes the claims durable; {@link #close} without it gives them all back.
 *
 * <p>Two batches claiming the same versions in opposite orders may deadlock; PostgreSQL then fails
 * one claim with SQLSTATE {@code 40P01} and that batch is to be retried from the start.
 */
public final class VersionClaims implements AutoCloseable {

  /** Inserts the versions given as arrays unless there; answers the ones it inserted. */
  private static final String CLAIM =
      "INSERT INTO record_versions (tenant_code, case_id, updated_at, content_hash, batch_id)"
          + " SELECT t, c, u::timestamptz, h, ?"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS v(t, c, u, h, n)"
          + " ORDER BY n ON CONFLICT DO NOTHING RETURNING tenant_code, case_id, updated_at";

  /** The stored hashes of the versions given as arrays (a new statement: it sees commits since). */
  private static final String STORED =
      "SELECT r.tenant_code, r.case_id, r.updated_at, r.content_hash FROM record_versions r"
          + " JOIN unnest(?::text[], ?::text[], ?::text[]) AS v(t, c, u)"
          + " ON r.tenant_code = v.t AND r.case_id = v.c AND r.updated_at = v.u::timestamptz";

  /**
   * Records the batch's manifest unless one is there; a recovered one (reconstructed by a process
   * that found the batch landed but not committed) gives way to the real one of the process that
   * landed it, never the other way round.
   */
  private static final String MANIFEST =
      "INSERT INTO batch_manifests (batch_id, tenant_code, received_at, recovered, manifest)"
          + " VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (batch_id) DO UPDATE SET"
          + " tenant_code = excluded.tenant_code, received_at = excluded.received_at,"
          + " recovered = excluded.recovered, manifest = excluded.manifest"
          + " WHERE batch_manifests.recovered AND NOT excluded.recovered";

  private final Connection connection;
  private final String batchId;
  private final Clock clock;
  private boolean committed;

  VersionClaims(Connection connection, String batchId, Clock clock) throws SQLException {
    this.connection = connection;
    this.batchId = batchId;
    this.clock = clock;
    connection.setAutoCommit(false);
  }

  /** The verdict for {@code version} with content {@code hash}; a new version is claimed. */
  public VersionVerdict claim(RecordVersion version, String hash) throws SQLException {
    return claimAll(List.of(version), List.of(hash)).get(0);
  }

  /**
   * The verdicts for {@code versions.get(i)} with content {@code hashes.get(i)}, in order, as if
   * claimed one after the other, in two round trips: one insert of them all, one read of the hashes
   * stored for those that were there already.
   */
  public List<VersionVerdict> claimAll(List<RecordVersion> versions, List<String> hashes)
      throws SQLException {
    if (versions.size() != hashes.size()) {
      throw new IllegalArgumentException(
          versions.size() + " versions but " + hashes.size() + " hashes");
    }
    Map<RecordVersion, String> first = new LinkedHashMap<>();
    for (int i = 0; i < versions.size(); i++) {
      first.putIfAbsent(versions.get(i), hashes.get(i));
    }
    Set<RecordVersion> inserted = insert(first);
    Map<RecordVersion, String> stored = new HashMap<>(first);
    stored.keySet().retainAll(inserted);
    Map<RecordVersion, String> others = new LinkedHashMap<>(first);
    others.keySet().removeAll(inserted);
    stored.putAll(storedHashes(others.keySet()));
    Set<RecordVersion> seen = new HashSet<>();
    List<VersionVerdict> verdicts = new ArrayList<>(versions.size());
    for (int i = 0; i < versions.size(); i++) {
      RecordVersion v = versions.get(i);
      String hash =
          Optional.ofNullable(stored.get(v))
              .orElseThrow(() -> new SQLException("claimed version vanished: " + v));
      if (seen.add(v) && inserted.contains(v)) {
        verdicts.add(VersionVerdict.NEW);
      } else {
        verdicts.add(
            hash.equals(hashes.get(i)) ? VersionVerdict.DUPLICATE : VersionVerdict.CONFLICT);
      }
    }
    return verdicts;
  }

  private Set<RecordVersion> insert(Map<RecordVersion, String> versions) throws SQLException {
    Set<RecordVersion> inserted = new HashSet<>();
    if (versions.isEmpty()) {
      return inserted;
    }
    try (PreparedStatement ps = connection.prepareStatement(CLAIM)) {
      ps.setString(1, batchId);
      bindKeys(ps, 2, versions.keySet());
      ps.setArray(5, connection.createArrayOf("text", versions.values().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inserted.add(versionAt(rs));
        }
      }
    }
    return inserted;
  }

  private Map<RecordVersion, String> storedHashes(Set<RecordVersion> versions) throws SQLException {
    Map<RecordVersion, String> stored = new HashMap<>();
    if (versions.isEmpty()) {
      return stored;
    }
    try (PreparedStatement ps = connection.prepareStatement(STORED)) {
      bindKeys(ps, 1, versions);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.put(versionAt(rs), rs.getString(4));
        }
      }
    }
    return stored;
  }

  /** Binds tenants, case ids and times (as ISO text) at {@code from}, {@code from + 1}, … */
  private void bindKeys(PreparedStatement ps, int from, Collection<RecordVersion> versions)
      throws SQLException {
    ps.setArray(
        from,
        connection.createArrayOf(
            "text", versions.stream().map(RecordVersion::tenantCode).toArray()));
    ps.setArray(
        from + 1,
        connection.createArrayOf("text", versions.stream().map(RecordVersion::caseId).toArray()));
    ps.setArray(
        from + 2,
        connection.createArrayOf(
            "text", versions.stream().map(v -> v.updatedAt().toString()).toArray()));
  }

  private static RecordVersion versionAt(ResultSet rs) throws SQLException {
    return new RecordVersion(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant());
  }

  /**
   * Makes this batch's claims durable and records the batch as committed with its {@code manifest},
   * in one transaction; false when it was recorded already (by another process that committed the
   * same landed batch first: its manifest stays, unless it was a recovered one and {@code manifest}
   * is not).
   */
  public boolean commit(BatchManifestRow manifest) throws SQLException {
    Objects.requireNonNull(manifest, "manifest");
    boolean recorded;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO committed_batches (batch_id, committed_at) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      ps.setString(1, batchId);
      ps.setTimestamp(2, Timestamp.from(clock.instant()));
      recorded = ps.executeUpdate() == 1;
    }
    try (PreparedStatement ps = connection.prepareStatement(MANIFEST)) {
      ps.setString(1, batchId);
      ps.setString(2, manifest.tenantCode());
      ps.setTimestamp(3, Timestamp.from(manifest.receivedAt()));
      ps.setBoolean(4, manifest.recovered());
      ps.setString(5, manifest.text());
      ps.executeUpdate();
    }
    connection.commit();
    committed = true;
    return recorded;
  }

  /**
   * Whether {@code e} is PostgreSQL's deadlock verdict ({@code 40P01}): the batch's claims are gone
   * and the batch is to be claimed again from the start.
   */
  public static boolean isDeadlock(SQLException e) {
    return "40P01".equals(e.getSQLState());
  }

  /** Gives back every claim unless {@link #commit} ran, and releases the connection. */
  @Override
  public void close() throws SQLException {
    try (connection) {
      if (!committed) {
        connection.rollback();
      }
    }
  }
}
