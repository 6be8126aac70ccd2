package io.liangshai.clickhouse.local.front;

/**
 * Whether a statement may leave state on the engine's connection that a sessionless ClickHouse
 * would forget after the request: settings ({@code SET}) or temporary tables ({@code TEMPORARY}).
 * Found by scanning words outside quotes and comments, so a false alarm only costs a check.
 */
record SessionEffects(boolean settings, boolean temporaryTables) {

  static SessionEffects of(byte[] sql) {
    boolean settings = false;
    boolean temporary = false;
    SqlScanner scanner = new SqlScanner(sql, sql.length);
    while (scanner.advanceToWord()) {
      if (scanner.wordIs("SET")) {
        settings = true;
      } else if (scanner.wordIs("TEMPORARY")) {
        temporary = true;
      }
    }
    return new SessionEffects(settings, temporary);
  }
}
