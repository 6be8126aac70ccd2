package io.liangshai.clickhouse.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides which ClickHouse the platform talks to. Every other component only
 * ever sees {@link #jdbcUrl()}.
 *
 * <ul>
 *   <li>{@value #URL_ENV} set (an {@code http(s)://} URL of a ClickHouse server, or a {@code
 *       jdbc:clickhouse:} URL): that server; nothing is started.
 *   <li>otherwise: a {@link LocalClickHouse} over {@code $}{@value #DATA_DIR_ENV}{@code
 *       /clickhouse} (default {@code ~/.local/share/liangshai/clickhouse}).
 * </ul>
 */
public final class ClickHouseEndpoint implements AutoCloseable {

  public static final String URL_ENV = "LIANGSHAI_CLICKHOUSE_URL";
  public static final String DATA_DIR_ENV = "LIANGSHAI_DATA_DIR";

  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseEndpoint.class);

  private final String jdbcUrl;
  private final LocalClickHouse local;

  private ClickHouseEndpoint(String jdbcUrl, LocalClickHouse local) {
    this.jdbcUrl = jdbcUrl;
    this.local = local;
  }

  /** Resolves from the process environment. */
  public static ClickHouseEndpoint fromEnvironment() {
    return resolve(System.getenv());
  }

  public static ClickHouseEndpoint resolve(Map<String, String> env) {
    String external = env.get(URL_ENV);
    if (external != null && !external.isBlank()) {
      return external(external);
    }
    String dataDir = env.get(DATA_DIR_ENV);
    Path root =
        dataDir == null || dataDir.isBlank()
            ? Path.of(System.getProperty("user.home"), ".local", "share", "liangshai")
            : Path.of(dataDir);
    return local(LocalClickHouseConfig.of(root.resolve("clickhouse")));
  }

  /**
   * An existing ClickHouse server; {@code url} is {@code http(s)://…} or {@code jdbc:clickhouse:…}.
   */
  public static ClickHouseEndpoint external(String url) {
    String jdbc = toJdbcUrl(url);
    LOG.info("using the ClickHouse server at {}", redact(jdbc));
    return new ClickHouseEndpoint(jdbc, null);
  }

  /** Starts a local ClickHouse and points at it. */
  public static ClickHouseEndpoint local(LocalClickHouseConfig config) {
    LocalClickHouse local = LocalClickHouse.start(config);
    return new ClickHouseEndpoint(local.jdbcUrl(), local);
  }

  static String toJdbcUrl(String url) {
    String u = url.strip();
    if (u.startsWith("jdbc:clickhouse:") || u.startsWith("jdbc:ch:")) {
      return u;
    }
    if (u.startsWith("http://") || u.startsWith("https://")) {
      return "jdbc:clickhouse:" + u;
    }
    throw new IllegalArgumentException(
        URL_ENV
            + " must be an http(s):// URL of a ClickHouse server or a jdbc:clickhouse: URL, got '"
            + redact(u)
            + "'");
  }

  private static String redact(String url) {
    return url.replaceAll("(password=)[^&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** {@link #jdbcUrl()} with its database replaced by {@code database}. */
  public String jdbcUrl(String database) {
    return withDatabase(jdbcUrl, database);
  }

  static String withDatabase(String jdbcUrl, String database) {
    int scheme = jdbcUrl.indexOf("://");
    if (scheme < 0) {
      throw new IllegalArgumentException("not a URL with a host: " + redact(jdbcUrl));
    }
    int authorityEnd = scheme + 3;
    while (authorityEnd < jdbcUrl.length() && "/?".indexOf(jdbcUrl.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    int query = jdbcUrl.indexOf('?', authorityEnd);
    return jdbcUrl.substring(0, authorityEnd)
        + "/"
        + database
        + (query < 0 ? "" : jdbcUrl.substring(query));
  }

  /** The local ClickHouse, when this endpoint started one. */
  public Optional<LocalClickHouse> local() {
    return Optional.ofNullable(local);
  }

  /** Stops the local ClickHouse if one was started; an external server is left alone. */
  @Override
  public void close() {
    if (local != null) {
      local.close();
    }
  }
}
