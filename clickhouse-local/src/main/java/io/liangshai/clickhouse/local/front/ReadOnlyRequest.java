package io.liangshai.clickhouse.local.front;

import java.util.Locale;
import java.util.Set;

/**
 * A GET request is read-only, as on a ClickHouse server (which runs it with {@code readonly=2}):
 * every statement in its text must read — {@code SELECT}, {@code WITH}, {@code SHOW}, {@code
 * DESCRIBE}, {@code EXISTS}, {@code EXPLAIN} — or only change this request's own settings or
 * database ({@code SET}, {@code USE}), and nothing may be written {@code INTO OUTFILE}. Anything
 * else answers Code 164 {@code READONLY}, HTTP 403; send it with POST.
 *
 * <p>The engine's connection is shared by every request, and a {@code readonly} set on it could not
 * be taken back (ClickHouse refuses to change {@code readonly} in readonly mode), so the front
 * decides from the statements' first words instead, in every statement of a multi-statement text.
 */
final class ReadOnlyRequest {

  static final int READONLY = 164;

  private static final Set<String> READING =
      Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXISTS", "EXPLAIN", "SET", "USE");

  private ReadOnlyRequest() {}

  /**
   * @throws FrontException when {@code sql} may write
   */
  static void check(byte[] sql) {
    SqlScanner scanner = new SqlScanner(sql, sql.length);
    int statement = -1;
    boolean into = false;
    for (String word = scanner.nextWord(); word != null; word = scanner.nextWord()) {
      String upper = word.toUpperCase(Locale.ROOT);
      if (scanner.statement() != statement) {
        statement = scanner.statement();
        if (!READING.contains(upper)) {
          throw refused();
        }
      }
      if (into && upper.equals("OUTFILE")) {
        throw refused();
      }
      into = upper.equals("INTO");
    }
    if (scanner.unterminated()) {
      throw refused(); // what the scanner could not see into, the engine might run
    }
  }

  private static FrontException refused() {
    return new FrontException(
        READONLY,
        403,
        "Code: 164. DB::Exception: Cannot execute query in readonly mode. For queries over HTTP,"
            + " method GET implies readonly. You should use method POST for modifying queries."
            + " (READONLY)");
  }
}
