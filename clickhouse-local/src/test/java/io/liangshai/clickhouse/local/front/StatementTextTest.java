package io.liangshai.clickhouse.local.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The small text rules of the front: formats, SET detection, SYNC drops, codes, quoting. */
class StatementTextTest {

  @Test
  void takesTheStatementsOwnFormatOverTheRequestedOne() {
    assertThat(OutputFormat.of(utf8("SELECT 1 FORMAT JSONEachRow"), "CSV"))
        .isEqualTo("JSONEachRow");
    assertThat(OutputFormat.of(utf8("SELECT 'FORMAT CSV'"), "JSON")).isEqualTo("JSON");
    assertThat(OutputFormat.of(utf8("SELECT 1"), null)).isEqualTo("TabSeparated");
    assertThat(OutputFormat.of(utf8("INSERT INTO t FORMAT CSV"), "TSV")).isEqualTo("TSV");
  }

  @Test
  void noticesSetAndTemporaryOutsideQuotedText() {
    assertThat(SessionEffects.of(utf8("SET max_threads = 1")).settings()).isTrue();
    assertThat(SessionEffects.of(utf8("SELECT 1; set x = 2")).settings()).isTrue();
    assertThat(SessionEffects.of(utf8("SELECT 'SET', settings FROM t")))
        .isEqualTo(new SessionEffects(false, false));
    assertThat(SessionEffects.of(utf8("CREATE TEMPORARY TABLE t (x UInt8)")).temporaryTables())
        .isTrue();
  }

  @Test
  void runsSynchronousDropsAsPlainDrops() {
    assertThat(text(SynchronousDrop.withoutSync(utf8("DROP TABLE IF EXISTS t SYNC"))))
        .isEqualTo("DROP TABLE IF EXISTS t     ");
    assertThat(text(SynchronousDrop.withoutSync(utf8("drop database `sync` sync"))))
        .isEqualTo("drop database `sync`     ");
    assertThat(text(SynchronousDrop.withoutSync(utf8("SELECT 'SYNC' AS sync"))))
        .isEqualTo("SELECT 'SYNC' AS sync");
  }

  @Test
  void readsTheExceptionCodeOfAnEngineMessage() {
    assertThat(ExceptionCode.parse("Code: 60. DB::Exception: Unknown table")).isEqualTo(60);
    assertThat(ExceptionCode.parse("something else")).isEqualTo(ExceptionCode.STD_EXCEPTION);
    assertThat(ExceptionCode.parse(null)).isEqualTo(ExceptionCode.STD_EXCEPTION);
  }

  @Test
  void quotesNamesAndValuesSoTheyStayNamesAndValues() {
    assertThat(SessionlessEngine.identifier("a`b\\")).isEqualTo("`a\\`b\\\\`");
    assertThat(SessionlessEngine.literal("it's \\n")).isEqualTo("'it\\'s \\\\n'");
    assertThat(TsvEscaping.unescape("a\\tb\\\\c\\'")).isEqualTo("a\tb\\c'");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
