package io.liangshai.postgres.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a PostgreSQL server listens and how to log in: the {@link LocalPostgres} of this JVM, or a
 * real server named by {@value #URL_ENV} ({@code postgresql://USER:PASSWORD@HOST:PORT}, user and
 * password percent-encoded).
 */
public record PostgresEndpoint(String host, int port, String user, String password) {

  public static final String URL_ENV = "LIANGSHAI_POSTGRES_URL";

  public PostgresEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, got " + port);
    }
  }

  /**
   * @throws IllegalArgumentException naming what is missing or malformed (never the password)
   */
  public static PostgresEndpoint parse(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          URL_ENV + " is not a URL like postgresql://USER:PASSWORD@HOST:PORT", e);
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          URL_ENV + " must start with postgresql://, got scheme " + uri.getScheme());
    }
    String userInfo = uri.getRawUserInfo();
    if (uri.getHost() == null || userInfo == null || !userInfo.contains(":")) {
      throw new IllegalArgumentException(
          URL_ENV
              + " must name a user, a password and a host: postgresql://USER:PASSWORD@HOST:PORT");
    }
    int colon = userInfo.indexOf(':');
    return new PostgresEndpoint(
        uri.getHost(),
        uri.getPort() == -1 ? 5432 : uri.getPort(),
        decode(userInfo.substring(0, colon)),
        decode(userInfo.substring(colon + 1)));
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** {@code jdbc:postgresql://HOST:PORT/DATABASE}, without credentials. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** A connection to {@code database} with this endpoint's credentials. */
  public Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  @Override
  public String toString() {
    return "PostgresEndpoint[" + user + "@" + host + ":" + port + "]";
  }
}
