package io.liangshai.warehouse.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuarantinedLineTest {

  private static final Instant AT = Instant.parse("2024-03-05T02:00:00Z");

  @Test
  void capsReasonAndContentWithoutSplittingASurrogatePair() {
    String content = "x".repeat(QuarantinedLine.MAX_CONTENT - 1) + "😀" + "tail";
    QuarantinedLine row =
        new QuarantinedLine("b_1", 2, null, null, "parse records", "r".repeat(5_000), content, AT);

    assertThat(row.reason()).hasSize(QuarantinedLine.MAX_REASON);
    assertThat(row.content()).hasSize(QuarantinedLine.MAX_CONTENT - 1).doesNotContain("\uD83D");
    assertThat(row.tenantCode()).isEmpty();
    assertThat(row.caseId()).isEmpty();
  }

  @Test
  void theReasonNamesTheExceptionClassAndMessage() {
    assertThat(QuarantinedLine.reasonOf(new IllegalArgumentException("not a JSON object")))
        .isEqualTo("java.lang.IllegalArgumentException: not a JSON object");
    assertThat(QuarantinedLine.reasonOf(new NullPointerException()))
        .isEqualTo("java.lang.NullPointerException");
  }

  @Test
  void aHeaderlessFileRowIsNamedAtItsTrailerAndANegativeLineIsRefused() {
    QuarantinedLine row = new QuarantinedLine("", 4, "330522", "c", "parse records", "r", "x", AT);
    assertThat(row.inBatch("b_old").batchId()).isEqualTo("b_old");
    assertThat(row.inBatch("b_old").line()).isEqualTo(4);
    assertThatThrownBy(() -> new QuarantinedLine("b", -1, "", "", "op", "", "", AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line");
  }
}
