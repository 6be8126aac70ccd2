package io.liangshai.clickhouse.local.front;

import java.util.Map;

/**
 * Works around a crash of libchdb 26.5: a synchronous drop ({@code DROP|DETACH ... SYNC}, or any
 * drop with {@code database_atomic_wait_for_drop_and_detach_synchronously=1}) dereferences a null
 * pointer and kills the process; {@code DROP DATABASE ... SYNC} hangs instead. The front runs such
 * statements as ordinary drops: the name is free at once (Atomic databases), the files go later.
 */
final class SynchronousDrop {

  static final String WAIT_SETTING = "database_atomic_wait_for_drop_and_detach_synchronously";

  private SynchronousDrop() {}

  /** {@code sql} without the {@code SYNC} of a {@code DROP} or {@code DETACH} statement. */
  static byte[] withoutSync(byte[] sql) {
    SqlScanner scanner = new SqlScanner(sql, sql.length);
    String first = scanner.nextWord();
    if (first == null || !(first.equalsIgnoreCase("DROP") || first.equalsIgnoreCase("DETACH"))) {
      return sql;
    }
    for (String word = scanner.nextWord(); word != null; word = scanner.nextWord()) {
      if (scanner.depth() == 0 && word.equalsIgnoreCase("SYNC")) {
        int start = scanner.wordStart();
        byte[] stripped = sql.clone();
        for (int i = start; i < start + word.length(); i++) {
          stripped[i] = ' ';
        }
        return stripped;
      }
    }
    return sql;
  }

  /** Whether a request setting asks for synchronous drops. */
  static boolean isWaitSetting(Map.Entry<String, String> setting) {
    return setting.getKey().equals(WAIT_SETTING);
  }
}
