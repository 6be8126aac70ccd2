package io.liangshai.clickhouse.local.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsertStatementTest {

  @Test
  void findsDataAfterTheFormatNameAndOneLineBreak() {
    InsertStatement insert =
        assertFinds("INSERT INTO t (a, b) FORMAT RowBinary  \n\n\nrest", "RowBinary", "\n\nrest");

    assertThat(new String(insert.fromInfile("/tmp/x.data"), StandardCharsets.UTF_8))
        .isEqualTo("INSERT INTO t (a, b)  FROM INFILE '/tmp/x.data' FORMAT RowBinary");
  }

  @Test
  void putsInfileBeforeSettings() {
    InsertStatement insert =
        find("insert into db.t settings async_insert=0 format CSV\n1,2").orElseThrow();

    assertThat(new String(insert.fromInfile("/d/it's.data"), StandardCharsets.UTF_8))
        .isEqualTo(
            "insert into db.t  FROM INFILE '/d/it\\'s.data' settings async_insert=0 format CSV");
  }

  @Test
  void ignoresFormatInsideQuotesCommentsAndColumnLists() {
    assertFinds(
        "/* FORMAT x */ INSERT INTO `FORMAT` (\"format\") -- FORMAT y\n FORMAT TSV\nv\n",
        "TSV",
        "v\n");
  }

  @Test
  void leavesValuesSelectsAndOtherStatementsAlone() {
    assertThat(find("INSERT INTO t VALUES (1, 'FORMAT CSV')")).isEmpty();
    assertThat(find("INSERT INTO t FORMAT Values (1)")).isEmpty();
    assertThat(find("INSERT INTO t SELECT * FROM s FORMAT CSV")).isEmpty();
    assertThat(find("SELECT 1 FORMAT CSV\n1,2")).isEmpty();
    assertThat(find("INSERT INTO t FORMAT CSV\n")).isEmpty();
    assertThat(find("INSERT INTO t FROM INFILE 'f' FORMAT CSV\nx")).isEmpty();
  }

  /** Finds the insert in {@code text}, checks its format and the data after it, returns it. */
  private static InsertStatement assertFinds(String text, String format, String data) {
    InsertStatement insert = find(text).orElseThrow();
    assertThat(insert.format()).isEqualTo(format);
    assertThat(text.substring(insert.dataOffset())).isEqualTo(data);
    return insert;
  }

  private static Optional<InsertStatement> find(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return InsertStatement.find(bytes, bytes.length);
  }
}
