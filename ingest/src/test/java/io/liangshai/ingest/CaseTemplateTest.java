package io.liangshai.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.CaseField;
import io.liangshai.core.vocabulary.Vocabulary;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The XLSX template speaks the vocabulary: its headers, drop-down lists and explanations. */
class CaseTemplateTest {

  @Test
  void headerRowIsTheVocabularysFieldLabels() throws Exception {
    try (XSSFWorkbook wb = template()) {
      Row header = wb.getSheet("问题件").getRow(0);
      List<String> cells = new ArrayList<>();
      header.forEach(c -> cells.add(c.getStringCellValue()));

      assertThat(cells)
          .containsExactlyElementsOf(
              Arrays.stream(CaseField.values()).map(Vocabulary::label).toList());
    }
  }

  @Test
  void dropDownListsAreTheVocabularysValues() throws Exception {
    try (XSSFWorkbook wb = template()) {
      Sheet sheet = wb.getSheet("问题件");
      for (String section : List.of("channel", "category", "status", "satisfaction")) {
        int column = CaseField.byWireName(section).orElseThrow().ordinal();
        assertThat(listAt(sheet, column))
            .as(section)
            .containsExactlyElementsOf(Vocabulary.section(section).keySet());
      }
      assertThat(listAt(sheet, CaseField.LEADER_INSTRUCTED.ordinal()))
          .containsExactlyElementsOf(Vocabulary.section("boolean").values());
    }
  }

  @Test
  void instructionsExplainEachValueWithTheVocabularysTerm() throws Exception {
    try (XSSFWorkbook wb = template()) {
      Sheet sheet = wb.getSheet("填写说明");
      String channels = valuesOf(sheet, "channel");
      Vocabulary.section("channel")
          .forEach((wire, term) -> assertThat(channels).contains(wire + "（" + term + "）"));
      String statuses = valuesOf(sheet, "status");
      Vocabulary.section("status")
          .forEach((wire, term) -> assertThat(statuses).contains(wire + "（" + term + "）"));
    }
  }

  private static XSSFWorkbook template() throws Exception {
    return new XSSFWorkbook(new ByteArrayInputStream(CaseTemplate.xlsx()));
  }

  private static List<String> listAt(Sheet sheet, int column) {
    for (DataValidation v : sheet.getDataValidations()) {
      if (v.getRegions().getCellRangeAddress(0).getFirstColumn() == column) {
        return List.of(v.getValidationConstraint().getExplicitListValues());
      }
    }
    throw new AssertionError("no drop-down list in column " + column);
  }

  /** The 可选值 cell of the row explaining field {@code wire}. */
  private static String valuesOf(Sheet sheet, String wire) {
    for (Row row : sheet) {
      Cell name = row.getCell(1);
      if (name != null && wire.equals(name.getStringCellValue())) {
        return row.getCell(4).getStringCellValue();
      }
    }
    throw new AssertionError("no row for " + wire);
  }
}
