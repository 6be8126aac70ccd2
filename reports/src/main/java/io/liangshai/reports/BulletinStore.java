package io.liangshai.reports;

import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.Warehouse;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Published bulletins in ClickHouse tables {@code bulletins} and {@code bulletin_files} (see {@code
 * V005__bulletins.sql}). Rows are only inserted. A file is served only when its SHA-256 is the one
 * its bulletin row recorded at publication, so what officials download is what was published. Issue
 * numbers are allocated in PostgreSQL ({@link io.liangshai.metadata.BulletinNumbers}), not here. A
 * failed call throws the unchecked {@link io.liangshai.warehouse.WarehouseException}.
 */
public final class BulletinStore {

  private static final String COLUMNS =
      "id, series, issue_no, period, groups, scheme, created_at, created_by, corrects,"
          + " snapshot_sha256, pdf_sha256, xlsx_sha256";

  private static final String INSERT =
      "INSERT INTO bulletins ("
          + COLUMNS
          + ", snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_FILE =
      "INSERT INTO bulletin_files (bulletin_id, kind, sha256, bytes, content)"
          + " VALUES (?, ?, ?, ?, ?)";

  private static final String ALL =
      "SELECT " + COLUMNS + " FROM bulletins ORDER BY created_at DESC, series, issue_no DESC";

  private static final String BY_ID = "SELECT " + COLUMNS + " FROM bulletins WHERE id = ?";

  private static final String BY_PERIOD =
      "SELECT " + COLUMNS + " FROM bulletins WHERE series = ? AND period = ? ORDER BY issue_no";

  private static final String SNAPSHOT =
      "SELECT snapshot FROM bulletins WHERE id = ? AND snapshot_sha256 = ? LIMIT 1";

  private static final String FILE =
      "SELECT content FROM bulletin_files WHERE bulletin_id = ? AND kind = ? AND sha256 = ?"
          + " LIMIT 1";

  private final Warehouse warehouse;

  public BulletinStore(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /** Stores a bulletin: its files first, then the row that makes it published. */
  void insert(Bulletin b, byte[] snapshot, byte[] pdf, byte[] xlsx) {
    requireHash(snapshot, b.snapshotSha256(), "snapshot");
    requireHash(pdf, b.pdfSha256(), "pdf");
    requireHash(xlsx, b.xlsxSha256(), "xlsx");
    Sql.on(
        warehouse,
        "store bulletin " + b.id(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT_FILE)) {
            addFile(ps, b.id(), BulletinFormat.PDF, pdf);
            addFile(ps, b.id(), BulletinFormat.XLSX, xlsx);
            ps.executeBatch();
          }
          try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, b);
            ps.setString(13, new String(snapshot, StandardCharsets.UTF_8));
            return ps.executeUpdate();
          }
        });
  }

  /** Every bulletin, newest first. */
  public List<Bulletin> list() {
    return select("read bulletins", ALL);
  }

  public Optional<Bulletin> find(String id) {
    return select("read bulletin " + id, BY_ID, id).stream().findFirst();
  }

  /** The bulletins of {@code series} for {@code period} (a first issue and its corrections). */
  public List<Bulletin> forPeriod(String series, String period) {
    return select("read the bulletins of " + series + " " + period, BY_PERIOD, series, period);
  }

  /** The frozen snapshot JSON of a bulletin, exactly as published. */
  public Optional<byte[]> snapshot(Bulletin b) {
    Optional<byte[]> json =
        first("read the snapshot of " + b.id(), SNAPSHOT, b.id(), b.snapshotSha256())
            .map(text -> text.getBytes(StandardCharsets.UTF_8));
    json.ifPresent(bytes -> requireHash(bytes, b.snapshotSha256(), "stored snapshot of " + b.id()));
    return json;
  }

  /** The file of {@code format}, exactly as published; empty when it is missing. */
  public Optional<byte[]> file(Bulletin b, BulletinFormat format) {
    String kind = format.extension();
    Optional<byte[]> bytes =
        first("read the " + kind + " of " + b.id(), FILE, b.id(), kind, b.sha256(format))
            .map(Base64.getDecoder()::decode);
    bytes.ifPresent(f -> requireHash(f, b.sha256(format), "stored " + kind + " of " + b.id()));
    return bytes;
  }

  private List<Bulletin> select(String what, String sql, String... params) {
    return Sql.on(
        warehouse,
        what,
        c -> {
          try (PreparedStatement ps = prepare(c, sql, params)) {
            return read(ps);
          }
        });
  }

  /** The first column of the first row, if there is a row. */
  private Optional<String> first(String what, String sql, String... params) {
    return Sql.on(
        warehouse,
        what,
        c -> {
          try (PreparedStatement ps = prepare(c, sql, params);
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
          }
        });
  }

  private static PreparedStatement prepare(Connection c, String sql, String... params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement ps, Bulletin b) throws SQLException {
    ps.setString(1, b.id());
    ps.setString(2, b.series());
    ps.setInt(3, b.issueNo());
    ps.setString(4, b.period());
    ps.setObject(5, b.groups());
    ps.setString(6, b.scheme());
    ps.setTimestamp(7, Timestamp.from(b.createdAt()));
    ps.setString(8, b.createdBy());
    if (b.corrects() == null) {
      ps.setNull(9, Types.VARCHAR);
    } else {
      ps.setString(9, b.corrects());
    }
    ps.setString(10, b.snapshotSha256());
    ps.setString(11, b.pdfSha256());
    ps.setString(12, b.xlsxSha256());
  }

  /** SHA-256 of {@code bytes} as lowercase hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  private static void addFile(PreparedStatement ps, String id, BulletinFormat format, byte[] bytes)
      throws SQLException {
    ps.setString(1, id);
    ps.setString(2, format.extension());
    ps.setString(3, sha256(bytes));
    ps.setLong(4, bytes.length);
    ps.setString(5, Base64.getEncoder().encodeToString(bytes));
    ps.addBatch();
  }

  private static void requireHash(byte[] bytes, String expected, String what) {
    String actual = sha256(bytes);
    if (!actual.equals(expected)) {
      throw new IllegalStateException(
          what + " has SHA-256 " + actual + ", not the published " + expected);
    }
  }

  private static List<Bulletin> read(PreparedStatement ps) throws SQLException {
    List<Bulletin> list = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        list.add(
            new Bulletin(
                rs.getString("id"),
                rs.getString("series"),
                rs.getInt("issue_no"),
                rs.getString("period"),
                strings(rs.getArray("groups")),
                rs.getString("scheme"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getString("corrects"),
                rs.getString("snapshot_sha256"),
                rs.getString("pdf_sha256"),
                rs.getString("xlsx_sha256")));
      }
    }
    return list;
  }

  private static List<String> strings(java.sql.Array array) throws SQLException {
    Object values = array.getArray();
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < Array.getLength(values); i++) {
      strings.add(String.valueOf(Array.get(values, i)));
    }
    return strings;
  }
}
