package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.ErrorCode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The document's row error lists exactly the codes the platform produces. */
class RowErrorSchemaTest {

  @Test
  void documentsEveryRowErrorCodeAndNoOther() {
    Schema<?> rowError =
        OpenApiDocumentTest.parsed().getOpenAPI().getComponents().getSchemas().get("RowError");
    Schema<?> code = rowError.getProperties().get("code");

    assertThat(code.getEnum().stream().map(Object::toString).toList())
        .containsExactlyElementsOf(
            Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).toList());
    assertThat(rowError.getProperties()).containsKey("params");
  }
}
