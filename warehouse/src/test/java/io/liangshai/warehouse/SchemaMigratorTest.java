package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

  @Test
  void splitsAFileIntoStatementsAtSemicolonsEndingALine() {
    String text =
        """
        -- a comment; with a semicolon
        CREATE TABLE a (x String DEFAULT ';')
        ENGINE = Memory;

        CREATE TABLE b (y UInt8) ENGINE = Memory;
        """;
    assertThat(SchemaMigrator.statements(text))
        .containsExactly(
            "CREATE TABLE a (x String DEFAULT ';')\nENGINE = Memory",
            "CREATE TABLE b (y UInt8) ENGINE = Memory");
  }

  @Test
  void theIndexListsEveryFileInVersionOrder() {
    var files = SchemaMigrator.index();
    assertThat(files).isNotEmpty().isSorted();
    assertThat(files).allMatch(f -> f.matches("V\\d{3}__[a-z0-9_]+\\.sql"));
  }
}
