package io.liangshai.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the platform's tables live: on one ClickHouse server (the local one, or a single server),
 * or over a ClickHouse cluster ({@code LIANGSHAI_CLICKHOUSE_CLUSTER}, a cluster named in the
 * servers' {@code remote_servers}, with the {@code shard} and {@code replica} macros and Keeper).
 *
 * <p>The migrations are written once, for one server; {@link #statements} gives a statement's form
 * in this layout. On a cluster every table is created {@code ON CLUSTER} with its engine's {@code
 * Replicated} form, and:
 *
 * <ul>
 *   <li>a large table ({@code case_facts}, {@code batches}, the audit log, …) is sharded: its
 *       replicated table is {@code NAME_local} on every shard, and {@code NAME} is a {@code
 *       Distributed} table over them whose sharding key is a hash of the whole {@code ORDER BY} key
 *       (or of its leading case key, {@link #SHARDED_BY}), so every version of a row (every version
 *       of a case) lands on one shard and {@code FINAL} on each shard stays correct;
 *   <li>a small table ({@link #REPLICATED_WHOLE}: counts per tenant and period, bulletins, reported
 *       values, the legacy metadata tables, the migrations' own record) is replicated whole to
 *       every server, so its reads stay local.
 * </ul>
 *
 * Inserts into a {@code Distributed} table are made synchronous ({@link #jdbcUrl}: {@code
 * insert_distributed_sync}), so a batch is never marked processed before its rows are on their
 * shards.
 */
public final class ClickHouseLayout {

  /** One server: the migrations as written. */
  public static final ClickHouseLayout SINGLE_SERVER = new ClickHouseLayout(Optional.empty());

  /** Tables replicated whole to every server of a cluster rather than sharded. */
  static final Set<String> REPLICATED_WHOLE =
      Set.of(
          "schema_migrations",
          "api_keys",
          "api_key_usage",
          "schemes",
          "tenant_period_counts",
          "bulletins",
          "bulletin_files",
          "indicator_values");

  /**
   * Sharding keys narrower than a table's whole {@code ORDER BY} key: every accepted version of a
   * case on the shard of the case, as {@code case_facts} has it, so the per-case questions of
   * {@code case_versions} (two closings of one case) are answered on one shard.
   */
  static final Map<String, String> SHARDED_BY = Map.of("case_versions", "tenant_code, case_id");

  static final String SYNC_INSERTS = "clickhouse_setting_insert_distributed_sync";

  private static final Pattern CREATE =
      Pattern.compile(
          "(?s)CREATE TABLE IF NOT EXISTS (\\w+)\\s*(\\(.*\\))\\s*ENGINE\\s*=\\s*(\\w*MergeTree)"
              + "(?:\\(([^)]*)\\))?\\s*(ORDER BY\\s+(\\([^)]*\\)|\\w+).*)");
  private static final Pattern ADD_COLUMN =
      Pattern.compile("(?s)ALTER TABLE (\\w+) ((?:ADD|DROP|MODIFY|COMMENT) COLUMN .*)");
  private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Optional<String> cluster;

  private ClickHouseLayout(Optional<String> cluster) {
    this.cluster = cluster;
  }

  /**
   * The layout over the cluster {@code name}.
   *
   * @throws IllegalArgumentException when {@code name} is not a plain identifier
   */
  public static ClickHouseLayout cluster(String name) {
    if (!CLUSTER_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "LIANGSHAI_CLICKHOUSE_CLUSTER must be a cluster name (letters, digits, _): " + name);
    }
    return new ClickHouseLayout(Optional.of(name));
  }

  /** The cluster layout when {@code name} is given, else one server. */
  public static ClickHouseLayout of(Optional<String> name) {
    return name.map(ClickHouseLayout::cluster).orElse(SINGLE_SERVER);
  }

  /** The cluster's name; empty on one server. */
  public Optional<String> clusterName() {
    return cluster;
  }

  /**
   * {@code url} with what this layout needs of every connection (synchronous distributed inserts).
   */
  public String jdbcUrl(String url) {
    return cluster.isEmpty() ? url : ClickHouseTimeouts.withOption(url, SYNC_INSERTS, 1);
  }

  /**
   * {@code statement} (one statement of a migration) in this layout: itself on one server; on a
   * cluster its {@code ON CLUSTER} form, one or two statements.
   *
   * @throws IllegalStateException for a statement with no cluster form (a migration this class must
   *     learn first; the schema tests parse every migration's cluster form)
   */
  public List<String> statements(String statement) {
    if (cluster.isEmpty()) {
      return List.of(statement);
    }
    String on = " ON CLUSTER `" + cluster.get() + "`";
    Matcher create = CREATE.matcher(statement.strip());
    if (create.matches()) {
      String table = create.group(1);
      String columns = create.group(2);
      String engine = create.group(3);
      Optional<String> engineArgs = Optional.ofNullable(create.group(4)).filter(a -> !a.isBlank());
      String orderBy = create.group(5);
      String key = create.group(6);
      if (REPLICATED_WHOLE.contains(table)) {
        return List.of(
            create(table, on, columns, replicated(engine, "all", table, engineArgs), orderBy));
      }
      String local = table + "_local";
      return List.of(
          create(local, on, columns, replicated(engine, "{shard}", local, engineArgs), orderBy),
          "CREATE TABLE IF NOT EXISTS "
              + table
              + on
              + " AS "
              + local
              + " ENGINE = Distributed('"
              + cluster.get()
              + "', currentDatabase(), '"
              + local
              + "', cityHash64("
              + SHARDED_BY.getOrDefault(table, unparenthesised(key))
              + "))");
    }
    Matcher alter = ADD_COLUMN.matcher(statement.strip());
    if (alter.matches()) {
      String table = alter.group(1);
      String change = alter.group(2);
      if (REPLICATED_WHOLE.contains(table)) {
        return List.of("ALTER TABLE " + table + on + " " + change);
      }
      return List.of(
          "ALTER TABLE " + table + "_local" + on + " " + change,
          "ALTER TABLE " + table + on + " " + change);
    }
    throw new IllegalStateException("no cluster form is known for the statement: " + statement);
  }

  /** Every statement of {@code statements} in this layout, in order. */
  List<String> statements(List<String> statements) {
    List<String> out = new ArrayList<>();
    statements.forEach(s -> out.addAll(statements(s)));
    return out;
  }

  private static String create(
      String table, String on, String columns, String engine, String orderBy) {
    return "CREATE TABLE IF NOT EXISTS "
        + table
        + on
        + "\n"
        + columns
        + "\nENGINE = "
        + engine
        + "\n"
        + orderBy;
  }

  private static String replicated(
      String engine, String shard, String table, Optional<String> engineArgs) {
    return "Replicated"
        + engine
        + "('/clickhouse/tables/"
        + shard
        + "/{database}/"
        + table
        + "', '{replica}'"
        + engineArgs.map(a -> ", " + a.strip()).orElse("")
        + ")";
  }

  private static String unparenthesised(String key) {
    String k = key.strip();
    return k.startsWith("(") ? k.substring(1, k.length() - 1).strip() : k;
  }

  @Override
  public String toString() {
    return cluster.map(c -> "cluster " + c).orElse("one server");
  }
}
