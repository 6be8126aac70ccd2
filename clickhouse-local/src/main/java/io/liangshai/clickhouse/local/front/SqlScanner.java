package io.liangshai.clickhouse.local.front;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
  private int wordStart;
  private int statement;
  private boolean unterminated;

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

  /** Whether scanning stopped in a quote, heredoc or block comment that never ends. */
  boolean unterminated() {
    return unterminated;
  }

  /** How many {@code ;} outside quotes and comments came before the current position. */
  int statement() {
    return statement;
  }

  /**
   * Advances to the next bare word at any depth and returns it, or null at the end of the text or
   * on an unterminated quote or comment. Quoted names, literals and punctuation are skipped.
   */
  String nextWord() {
    if (!advanceToWord()) {
      return null;
    }
    return new String(text, wordStart, pos - wordStart, StandardCharsets.UTF_8);
  }

  /** Like {@link #nextWord()} without making a string; the word is {@link #wordIs}. */
  boolean advanceToWord() {
    while (pos < end) {
      byte b = text[pos];
      if (isWhitespace(b)) {
        pos++;
      } else if (b == '-' && peek(1) == '-' || b == '#') {
        skipLineComment();
      } else if (b == '/' && peek(1) == '*') {
        if (!skipBlockComment()) {
          return false;
        }
      } else if (b == '\'' || b == '"' || b == '`') {
        if (!skipQuoted(b)) {
          return false;
        }
      } else if (b == '$' && heredocTagEnd() > 0) {
        if (!skipHeredoc()) {
          return false;
        }
      } else if (b == '(' || b == '[') {
        depth++;
        pos++;
      } else if (b == ')' || b == ']') {
        depth--;
        pos++;
      } else if (b == ';') {
        statement++;
        pos++;
      } else if (isWordByte(b)) {
        wordStart = pos;
        while (pos < end && isWordByte(text[pos])) {
          pos++;
        }
        return true;
      } else {
        pos++;
      }
    }
    return false;
  }

  /** Whether the current word is {@code upperCaseWord}, ignoring case (ASCII). */
  boolean wordIs(String upperCaseWord) {
    if (pos - wordStart != upperCaseWord.length()) {
      return false;
    }
    for (int i = 0; i < upperCaseWord.length(); i++) {
      int c = text[wordStart + i];
      if (c >= 'a' && c <= 'z') {
        c -= 'a' - 'A';
      }
      if (c != upperCaseWord.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Position where the current word started. */
  int wordStart() {
    return wordStart;
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
    unterminated = true;
    return false;
  }

  /** The end of a heredoc tag ({@code $$} or {@code $word$}) at {@code pos}, or -1. */
  private int heredocTagEnd() {
    int p = pos + 1;
    while (p < end && isWordByte(text[p])) {
      p++;
    }
    return p < end && text[p] == '$' ? p + 1 : -1;
  }

  /** ClickHouse's {@code $tag$ ... $tag$} string: nothing inside is SQL. */
  private boolean skipHeredoc() {
    int tagEnd = heredocTagEnd();
    int tagLength = tagEnd - pos;
    for (int p = tagEnd; p + tagLength <= end; p++) {
      if (Arrays.equals(text, p, p + tagLength, text, pos, tagEnd)) {
        pos = p + tagLength;
        return true;
      }
    }
    pos = end;
    unterminated = true;
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
    unterminated = true;
    return false;
  }

  static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
  }

  private static boolean isWordByte(byte b) {
    return b == '_' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  }
}
