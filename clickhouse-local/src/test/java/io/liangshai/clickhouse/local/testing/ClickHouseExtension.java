package io.liangshai.clickhouse.local.testing;

import io.liangshai.clickhouse.local.ClickHouseEndpoint;
import io.liangshai.local.process.testing.ClassDatabase;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A real ClickHouse for a test class, with a database of its own.
 *
 * <pre>{@code
 * @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();
 *
 * try (Connection c = CLICKHOUSE.connect()) { ... }
 * }</pre>
 *
 * <p>All test classes of a JVM share one ClickHouse ({@link SharedClickHouse}); each class gets a
 * fresh database named after it, dropped after the class. When ClickHouse cannot be started the
 * class fails with the cause; it is never skipped.
 */
public final class ClickHouseExtension extends ClassDatabase<ClickHouseEndpoint> {

  public ClickHouseExtension() {
    super(SharedClickHouse::endpoint, "");
  }

  @Override
  protected Connection admin(ClickHouseEndpoint endpoint) throws SQLException {
    return DriverManager.getConnection(endpoint.jdbcUrl());
  }

  /** A JDBC URL whose default database is this test class's database. */
  public String jdbcUrl() {
    return endpoint().jdbcUrl(database());
  }

  /** The ClickHouse HTTP interface, e.g. {@code http://127.0.0.1:PORT}. */
  public String httpUrl() {
    String url = jdbcUrl().substring("jdbc:clickhouse:".length());
    int path = url.indexOf('/', url.indexOf("://") + 3);
    return path < 0 ? url : url.substring(0, path);
  }

  /** The {@code user} of the JDBC URL ({@code default} when it names none). */
  public String user() {
    return urlParameter("user").orElse("default");
  }

  /** The {@code password} of the JDBC URL (empty when it has none). */
  public String password() {
    return urlParameter("password").orElse("");
  }

  /**
   * {@link #user()} and {@link #password()} as an HTTP {@code Authorization: Basic} value, for
   * tests that speak HTTP themselves (the local front refuses requests without them).
   */
  public String basicAuthorization() {
    String credentials = user() + ":" + password();
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private Optional<String> urlParameter(String name) {
    String url = jdbcUrl();
    int query = url.indexOf('?');
    if (query < 0) {
      return Optional.empty();
    }
    for (String pair : url.substring(query + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl());
  }

  /** The names of the tables in the class's database. */
  public List<String> tables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT name FROM system.tables WHERE database = currentDatabase()")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }
}
