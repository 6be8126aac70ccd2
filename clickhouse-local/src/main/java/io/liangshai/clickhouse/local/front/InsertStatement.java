package io.liangshai.clickhouse.local.front;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * An {@code INSERT ... FORMAT <name>} whose data follows the statement, as ClickHouse's HTTP
 * interface accepts it ({@code query} in the URL, data in the body; or both in the body).
 *
 * <p>libchdb cannot take such data inline: it runs text in multi-statement mode, where inline data
 * ends at the first blank line, and RowBinary data is cut anywhere. So the front writes the data to
 * a file and runs {@link #fromInfile} instead. {@code VALUES} inserts are SQL text and run
 * unchanged.
 *
 * @param head the statement up to the end of the format name
 * @param infileAt offset in {@code head} where {@code FROM INFILE} goes (before {@code SETTINGS} or
 *     {@code FORMAT})
 * @param format the input format name
 * @param dataOffset offset in the scanned text where the data begins
 */
record InsertStatement(byte[] head, int infileAt, String format, int dataOffset) {

  /**
   * Finds an insert with trailing data in the first {@code length} bytes of {@code text}, or
   * returns empty for anything else (including {@code VALUES} inserts and a statement whose data
   * part is empty).
   */
  static Optional<InsertStatement> find(byte[] text, int length) {
    SqlScanner scanner = new SqlScanner(text, length);
    String first = scanner.nextWord();
    if (first == null || !first.equalsIgnoreCase("INSERT")) {
      return Optional.empty();
    }
    int settingsAt = -1;
    for (String word = scanner.nextWord(); word != null; word = scanner.nextWord()) {
      if (scanner.depth() != 0) {
        continue;
      }
      if (word.equalsIgnoreCase("VALUES")
          || word.equalsIgnoreCase("SELECT")
          || word.equalsIgnoreCase("WITH")
          || word.equalsIgnoreCase("INFILE")) {
        return Optional.empty();
      }
      if (word.equalsIgnoreCase("SETTINGS") && settingsAt < 0) {
        settingsAt = scanner.wordStart();
      } else if (word.equalsIgnoreCase("FORMAT")) {
        int formatAt = scanner.wordStart();
        String name = scanner.nextWord();
        if (name == null || name.equalsIgnoreCase("Values")) {
          return Optional.empty();
        }
        int headEnd = scanner.position();
        int data = skipToData(text, headEnd, length);
        if (data >= length) {
          return Optional.empty();
        }
        return Optional.of(
            new InsertStatement(
                Arrays.copyOf(text, headEnd), settingsAt >= 0 ? settingsAt : formatAt, name, data));
      }
    }
    return Optional.empty();
  }

  /** ClickHouse's rule: after the format name skip blanks, then one line break. */
  private static int skipToData(byte[] text, int pos, int length) {
    while (pos < length && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\f')) {
      pos++;
    }
    if (pos < length && text[pos] == '\r') {
      pos++;
    }
    if (pos < length && text[pos] == '\n') {
      pos++;
    }
    return pos;
  }

  /** The same statement reading its data from {@code file}. */
  byte[] fromInfile(String file) {
    byte[] infile = infileClause(file).getBytes(StandardCharsets.UTF_8);
    byte[] sql = new byte[head.length + infile.length];
    System.arraycopy(head, 0, sql, 0, infileAt);
    System.arraycopy(infile, 0, sql, infileAt, infile.length);
    System.arraycopy(head, infileAt, sql, infileAt + infile.length, head.length - infileAt);
    return sql;
  }

  /** What {@link #fromInfile} puts into the statement. */
  static String infileClause(String file) {
    return " FROM INFILE '" + file.replace("\\", "\\\\").replace("'", "\\'") + "' ";
  }
}
