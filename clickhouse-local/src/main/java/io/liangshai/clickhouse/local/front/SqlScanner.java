package io.liangshai.clickhouse.local.front;

import java.nio.charset.StandardCharsets;

/**
 * A minimal lexer over the leading bytes of a statement: skips whitespace, comments and quoted
 * text, tracks bracket depth, and reads bare words. Enough to find where an {@code INSERT}'s inline
 * data begins; not a SQL parser.
 */
final class SqlScanner {

  private final byte[] text;
  private final int end;
  private int pos;
  private int depth;

  SqlScanner(byte[] text, int end) {
    this.text = text;
    this.end = end;
  }

  int position() {
    return pos;
  }

  int depth() {
    return depth;
  }

  /**
   * Advances to the next bare word at any depth and returns it, or null at the end of the text or
   * on an unterminated quote or comment. Quoted names, literals and punctuation are skipped.
   */
  String nextWord() {
    while (pos < end) {
      byte b = text[pos];
      if (isWhitespace(b)) {
        pos++;
      } else if (b == '-' && peek(1) == '-' || b == '#') {
        skipLineComment();
      } else if (b == '/' && peek(1) == '*') {
        if (!skipBlockComment()) {
          return null;
        }
      } else if (b == '\'' || b == '"' || b == '`') {
        if (!skipQuoted(b)) {
          return null;
        }
      } else if (b == '(' || b == '[') {
        depth++;
        pos++;
      } else if (b == ')' || b == ']') {
        depth--;
        pos++;
      } else if (isWordByte(b)) {
        int start = pos;
        while (pos < end && isWordByte(text[pos])) {
          pos++;
        }
        return new String(text, start, pos - start, StandardCharsets.UTF_8);
      } else {
        pos++;
      }
    }
    return null;
  }

  /** Position where the word just returned by {@link #nextWord()} started. */
  int wordStart(String word) {
    return pos - word.getBytes(StandardCharsets.UTF_8).length;
  }

  private int peek(int ahead) {
    return pos + ahead < end ? text[pos + ahead] : -1;
  }

  private void skipLineComment() {
    while (pos < end && text[pos] != '\n') {
      pos++;
    }
  }

  private boolean skipBlockComment() {
    pos += 2;
    while (pos + 1 < end) {
      if (text[pos] == '*' && text[pos + 1] == '/') {
        pos += 2;
        return true;
      }
      pos++;
    }
    return false;
  }

  private boolean skipQuoted(byte quote) {
    pos++;
    while (pos < end) {
      byte b = text[pos];
      if (b == '\\') {
        pos += 2;
      } else if (b == quote) {
        if (peek(1) == quote) {
          pos += 2;
        } else {
          pos++;
          return true;
        }
      } else {
        pos++;
      }
    }
    return false;
  }

  static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
  }

  private static boolean isWordByte(byte b) {
    return b == '_' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  }
}
