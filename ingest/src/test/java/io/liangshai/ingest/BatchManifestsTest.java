package io.liangshai.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchManifestsTest {

  private static final String BATCH = "b_20240101T000000000_00000000";

  @Test
  void keepsEachErrorsCodeAndParams() throws Exception {
    FieldError uscc =
        FieldError.of(
            2,
            "A1",
            "enterprise_uscc",
            Problem.of(
                ErrorCode.USCC_CHECK_CHARACTER,
                "check character …",
                "found",
                "91350100M000100Y44",
                "expected",
                "3",
                "actual",
                "4"));
    FieldError row = FieldError.of(3, null, null, Problem.of(ErrorCode.ROW_NOT_OBJECT, "not"));
    BatchResult written =
        new BatchResult(
            BATCH,
            "330522",
            "k_1",
            Instant.parse("2024-01-01T00:00:00Z"),
            BatchFormat.CSV,
            10,
            "ab",
            0,
            0,
            2,
            List.of(uscc, row),
            false);

    BatchResult read = BatchManifests.read(BatchManifests.write(written));

    assertThat(read.errors()).containsExactly(uscc, row);
    assertThat(read.errors().get(0).params().keySet())
        .containsExactly("found", "expected", "actual");
    assertThat(read.errors().get(1).field()).isNull();
  }

  @Test
  void readsAnErrorStoredBeforeCodesAsRowInvalidWithItsMessageAsReason() throws Exception {
    String old =
        """
        {"batch_id":"%s","tenant":"330522","key_id":"k_1","received_at":"2024-01-01T00:00:00Z",
         "format":"CSV","bytes":10,"sha256":"ab","accepted":0,"ignored":0,"rejected":1,
         "errors":[{"row":1,"case_id":"A1","field":"case_id","message":"must not begin"}]}
        """
            .formatted(BATCH);

    FieldError e = BatchManifests.read(old.getBytes(StandardCharsets.UTF_8)).errors().get(0);

    assertThat(e.code()).isEqualTo(ErrorCode.ROW_INVALID);
    assertThat(e.params()).isEqualTo(Map.of("reason", "must not begin"));
    assertThat(e.message()).isEqualTo("must not begin");
  }
}
