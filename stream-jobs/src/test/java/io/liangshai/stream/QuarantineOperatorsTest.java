package io.liangshai.stream;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.Category;
import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Every operator of the job sets aside what it cannot process (a row on the quarantine side output
 * with batch, line, tenant, case and reason), leaves its state as it was, and goes on with the next
 * element.
 */
class QuarantineOperatorsTest {

  private static final Instant JAN = Instant.parse("2024-01-02T02:00:00Z");
  private static final Origin LINE_7 = new Origin("b_poison", 7);
  private static final String CASE_1 = new CaseKey("330522", "case-1").asString();

  @Test
  void theParserSetsAsideUnreadableLinesWithTheirBatchAndLineAndReadsOn() throws Exception {
    CaseRecord good = aCase().caseId("good").updatedAt(JAN).description("d").build();
    String goodLine = CaseRecordCodec.toJson(good);
    String tooLong =
        goodLine.replace(
            "\"description\":\"d\"", "\"description\":\"" + "x".repeat(20_000_001) + '"');
    List<String> lines = new ArrayList<>();
    try (var parser = parser()) {
      parser.open();
      for (String line :
          List.of(
              LandingFile.header("b_1"),
              goodLine,
              "{\"case_id\":\"c-2\",\"tenant_code\":\"330522\", oops",
              tooLong,
              "{\"_batch_start\":42}",
              "",
              goodLine.replace("\"good\"", "\"good-2\""),
              LandingFile.trailer("b_1", 5))) {
        lines.add(line);
      }
      for (LogLine line : LandedLines.logLines(lines)) {
        parser.processElement(line, 0);
      }
      List<Landed> landed = parser.extractOutputValues();
      assertThat(landed).extracting(Landed::origin).containsExactly(o("b_1", 2), o("b_1", 7));
      assertThat(landed.get(0).record()).isEqualTo(good);

      List<QuarantinedLine> rows = quarantined(parser);
      assertThat(rows).extracting(QuarantinedLine::line).containsExactly(3L, 4L, 5L);
      assertThat(rows).allMatch(r -> r.batchId().equals("b_1"));
      assertThat(rows).allMatch(r -> r.operator().equals("parse records"));
      assertThat(rows.get(0).tenantCode()).isEqualTo("330522");
      assertThat(rows.get(0).caseId()).isEqualTo("c-2");
      assertThat(rows.get(0).reason()).startsWith("java.lang.IllegalArgumentException: not a JSON");
      assertThat(rows.get(1).caseId()).isEqualTo("good");
      assertThat(rows.get(1).content()).hasSize(QuarantinedLine.MAX_CONTENT);
      assertThat(rows.get(1).reason())
          .startsWith("java.lang.IllegalArgumentException")
          .hasSizeLessThanOrEqualTo(QuarantinedLine.MAX_REASON);
      assertThat(rows.get(2).reason()).contains("neither a header nor a trailer");
    }
  }

  @Test
  void aBatchIsMarkedProcessedByTheCheckpointAfterItsTrailerEvenAcrossARestore() throws Exception {
    List<String> marked = new ArrayList<>();
    OperatorSubtaskState snapshot;
    try (var parser = parser(marked)) {
      parser.open();
      parser.processElement(new LogLine("b_old", 2, "not json"), 0);
      parser.processElement(new LogLine("b_old", 3, LandingFile.trailer("b_old", 1)), 0);
      snapshot = parser.snapshot(1, 0);
      assertThat(marked).as("not before its checkpoint completes").isEmpty();
      assertThat(quarantined(parser)).extracting(QuarantinedLine::line).containsExactly(2L);
    }
    try (var restored = parser(marked)) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(new LogLine("b_new", 2, "[]"), 0);
      restored.snapshot(2, 0);
      restored.notifyOfCompletedCheckpoint(2);
      assertThat(marked)
          .as("the restored batch, whose notice never came before the restore")
          .containsExactly("b_old");
      assertThat(quarantined(restored))
          .extracting(QuarantinedLine::batchId, QuarantinedLine::line)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("b_new", 2L));
    }
  }

  @Test
  void latestVersionSetsAsideAMisroutedRecordAndKeepsTheVersionItHeld() throws Exception {
    CaseRecord v1 = aCase().updatedAt(JAN).build();
    try (var h = KeyedHarness.opened(new LatestVersionFunction(), (Landed l) -> "330522|case-1")) {
      h.processElement(new Landed(o("b_1", 2), v1), 0);
      h.processElement(new Landed(LINE_7, aCase().caseId("other").updatedAt(JAN).build()), 0);
      h.processElement(new Landed(o("b_1", 8), aCase().updatedAt(JAN.minusSeconds(60)).build()), 0);
      CaseRecord v2 = aCase().updatedAt(JAN.plusSeconds(60)).build();
      h.processElement(new Landed(o("b_1", 9), v2), 0);

      assertPoison(quarantined(h), "latest version", "other", "versions of different cases");
      // The older version at line 8 changed nothing (v1 still held); v2 replaced v1.
      assertThat(h.extractOutputValues())
          .extracting(GroupChange::record, GroupChange::origin)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(v1, o("b_1", 2)),
              org.assertj.core.groups.Tuple.tuple(v2, o("b_1", 9)));
      assertThat(h.numKeyedStateEntries()).isEqualTo(1);
    }
  }

  @Test
  void recurrenceGroupsSetAsideAChangeOfAnotherGroupAndGoOn() throws Exception {
    try (var h = KeyedHarness.opened(new RecurrenceGroupFunction(), GroupChange::groupKey)) {
      CaseRecord a = aCase().caseId("a").updatedAt(JAN).build();
      h.processElement(GroupChange.join(a, o("b_1", 2)), 0);
      CaseRecord finance =
          aCase().caseId("other").updatedAt(JAN).category(Category.FINANCE).build();
      h.processElement(
          new GroupChange(
              GroupChange.groupKeyOf(a), new CaseKey(a.tenantCode(), "other"), finance, LINE_7),
          0);
      CaseRecord b = aCase().caseId("b").updatedAt(JAN).category(Category.FINANCE).build();
      h.processElement(GroupChange.join(b, o("b_1", 8)), 0);

      assertPoison(quarantined(h), "recurrence groups", "other", "belongs to recurrence group");
      assertThat(h.extractOutputValues())
          .extracting(FactUpdate::caseKey, FactUpdate::origin)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("330522|a", o("b_1", 2)),
              org.assertj.core.groups.Tuple.tuple("330522|b", o("b_1", 8)));
      assertThat(h.numKeyedStateEntries())
          .as("members and verdicts of a's group and of b's, nothing of the poison")
          .isEqualTo(4);
    }
  }

  @Test
  void caseFactsSetAsideAnUpdateWithoutRecordAndKeepTheCaseAsCounted() throws Exception {
    CaseFactsFunction facts =
        new CaseFactsFunction(TenantHierarchy.of(java.util.Map.of("330522", "330500")));
    try (var h = KeyedHarness.opened(facts, FactUpdate::caseKey)) {
      CaseRecord v1 = aCase().updatedAt(JAN).build();
      h.processElement(new FactUpdate(CASE_1, v1, false, o("b_1", 2)), 0);
      int deltasOfV1 = h.extractOutputValues().size();
      h.processElement(new FactUpdate(CASE_1, null, false, LINE_7), 0);
      assertThat(h.extractOutputValues()).as("nothing sent for the poison").hasSize(deltasOfV1);
      // v1 is still what is counted: the same version again changes nothing.
      h.processElement(new FactUpdate(CASE_1, v1, false, o("b_1", 8)), 0);
      assertThat(h.extractOutputValues()).hasSize(deltasOfV1);
      // A newer version retracts v1's contribution: v1 was the state.
      CaseRecord v2 = aCase().updatedAt(JAN.plusSeconds(60)).reassignedCount(1).build();
      h.processElement(new FactUpdate(CASE_1, v2, false, o("b_1", 9)), 0);
      List<CountDelta> all = h.extractOutputValues();
      List<CountDelta> ofV2 = all.subList(deltasOfV1, all.size());
      assertThat(ofV2).isNotEmpty().allMatch(d -> d.origin().equals(o("b_1", 9)));
      assertThat(ofV2).allMatch(d -> d.delta().received() == 0 && d.delta().reassigned() == 1);

      List<QuarantinedLine> rows = quarantined(h);
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).operator()).isEqualTo("case facts");
      assertThat(rows.get(0).batchId()).isEqualTo("b_poison");
      assertThat(rows.get(0).line()).isEqualTo(7);
      assertThat(rows.get(0).reason()).startsWith("java.lang.NullPointerException");
      assertThat(h.numKeyedStateEntries()).as("the case's facts, v2").isEqualTo(1);
    }
  }

  @Test
  void periodCountsSetAsideADeltaTheyCannotAddAndKeepTheCounts() throws Exception {
    try (var h = KeyedHarness.opened(new PeriodCountsOperator(0), CountDelta::key)) {
      IndicatorCounts one = new IndicatorCounts(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      h.processElement(new CountDelta("330522", "MONTH", "2024-01", one, o("b_1", 2)), 0);
      h.processElement(new CountDelta("330522", "MONTH", "2024-01", null, LINE_7), 0);
      h.processElement(new CountDelta("330522", "MONTH", "2024-01", one, o("b_1", 8)), 0);
      h.prepareSnapshotPreBarrier(1);
      List<CountRow> rows = h.extractOutputValues();
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).counts().received()).isEqualTo(2);

      List<QuarantinedLine> q = quarantined(h);
      assertThat(q).hasSize(1);
      assertThat(q.get(0).operator()).isEqualTo("period counts");
      assertThat(q.get(0).tenantCode()).isEqualTo("330522");
      assertThat(q.get(0).line()).isEqualTo(7);
      assertThat(h.numKeyedStateEntries()).as("the one period's counts").isEqualTo(1);
    }
  }

  private static void assertPoison(
      List<QuarantinedLine> rows, String operator, String caseId, String reason) {
    assertThat(rows).hasSize(1);
    QuarantinedLine row = rows.get(0);
    assertThat(row.operator()).isEqualTo(operator);
    assertThat(row.batchId()).isEqualTo("b_poison");
    assertThat(row.line()).isEqualTo(7);
    assertThat(row.tenantCode()).isEqualTo("330522");
    assertThat(row.caseId()).isEqualTo(caseId);
    assertThat(row.reason()).contains(reason);
    assertThat(row.content()).contains("\"case_id\":\"" + caseId + "\"");
  }

  private static OneInputStreamOperatorTestHarness<LogLine, Landed> parser() throws Exception {
    return parser(new ArrayList<>());
  }

  private static OneInputStreamOperatorTestHarness<LogLine, Landed> parser(List<String> marked)
      throws Exception {
    return new OneInputStreamOperatorTestHarness<>(
        new ProcessOperator<>(new LandingParser(ids -> marked.addAll(ids))));
  }

  private static List<QuarantinedLine> quarantined(AbstractStreamOperatorTestHarness<?> h) {
    List<QuarantinedLine> rows = new ArrayList<>();
    var side = h.getSideOutput(Quarantine.OUTPUT);
    if (side != null) {
      side.forEach(r -> rows.add(r.getValue()));
    }
    return rows;
  }

  private static Origin o(String batch, long line) {
    return new Origin(batch, line);
  }
}
