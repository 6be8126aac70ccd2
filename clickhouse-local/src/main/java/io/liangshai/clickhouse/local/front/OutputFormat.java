package io.liangshai.clickhouse.local.front;

/** Which format a response is in: the statement's own {@code FORMAT}, else the request's. */
final class OutputFormat {

  static final String DEFAULT = "TabSeparated";

  private OutputFormat() {}

  static String of(byte[] sql, String requested) {
    String declared = declaredIn(sql);
    if (declared != null) {
      return declared;
    }
    return requested == null || requested.isBlank() ? DEFAULT : requested.strip();
  }

  /** The name after the last top-level {@code FORMAT} of a non-insert statement, or null. */
  static String declaredIn(byte[] sql) {
    SqlScanner scanner = new SqlScanner(sql, Math.min(sql.length, RequestStatement.HEAD_LIMIT));
    String first = scanner.nextWord();
    if (first == null || first.equalsIgnoreCase("INSERT")) {
      return null;
    }
    String declared = null;
    for (String word = scanner.nextWord(); word != null; word = scanner.nextWord()) {
      if (scanner.depth() == 0 && word.equalsIgnoreCase("FORMAT")) {
        declared = scanner.nextWord();
      }
    }
    return declared;
  }
}
