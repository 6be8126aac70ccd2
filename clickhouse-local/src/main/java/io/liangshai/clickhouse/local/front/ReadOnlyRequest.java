package io.liangshai.clickhouse.local.front;

import java.util.Locale;
import java.util.Set;

/**
 * A GET request, or one with the URL setting {@code readonly} other than {@code 0}, is read-only,
 * as on a ClickHouse server (which runs GET with {@code readonly=2}): every statement in its text
 * must read — {@code SELECT}, {@code WITH}, {@code SHOW}, {@code DESCRIBE}, {@code EXISTS}, {@code
 * EXPLAIN} — or only change this request's own settings or database ({@code SET}, {@code USE}), and
 * nothing may be written {@code INTO OUTFILE}. Anything else answers Code 164 {@code READONLY},
 * HTTP 403; send it with POST.
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

  /** Whether the {@code readonly} URL setting asks for a read-only request. */
  static boolean requested(String readonlySetting) {
    return readonlySetting != null
        && !readonlySetting.isBlank()
        && !readonlySetting.strip().equals("0");
  }

  /**
   * @throws FrontException for a {@code SET ... readonly ...} statement, which would stay on the
   *     shared engine connection
   */
  static void refuseSetReadonly(byte[] sql) {
    SqlScanner scanner = new SqlScanner(sql, sql.length);
    int statement = -1;
    boolean set = false;
    while (scanner.advanceToWord()) {
      if (scanner.statement() != statement) {
        statement = scanner.statement();
        set = scanner.wordIs("SET");
      } else if (set && scanner.wordIs("READONLY")) {
        throw new FrontException(
            ExceptionCode.NOT_IMPLEMENTED,
            501,
            "Code: 48. DB::Exception: SET readonly is not supported by this local ClickHouse: its"
                + " engine connection is shared by every request, and readonly could not be reset"
                + " after this one. Make a request read-only with the URL parameter readonly=1, or"
                + " send it with GET. (NOT_IMPLEMENTED)");
      }
    }
  }

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
