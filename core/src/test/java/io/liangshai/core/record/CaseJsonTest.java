package io.liangshai.core.record;

import static io.liangshai.core.record.ProblemExpectations.problem;
import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseJsonTest {

  private static final JsonFactory JSON = CaseJson.factoryBuilder().build();

  private static String objectWithKeys(int keys) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < keys; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    return json.append('}').toString();
  }

  private static CaseJson.Fields readFirstObject(JsonParser parser) throws IOException {
    assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
    CaseJson.Fields fields = CaseJson.readObject(parser);
    assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
    return fields;
  }

  @Test
  void readsAnObjectOf64Fields() throws IOException {
    try (JsonParser parser = JSON.createParser(objectWithKeys(64))) {
      CaseJson.Fields fields = readFirstObject(parser);

      assertThat(fields.problem()).isEmpty();
      assertThat(fields.values()).hasSize(64).containsEntry("k63", 63);
    }
  }

  @Test
  void anObjectOf300000KeysIsOneProblemAndTheParserGoesOnAfterIt() throws IOException {
    String array = "[" + objectWithKeys(300_000) + ",{\"case_id\":\"next\"}]";
    try (JsonParser parser = JSON.createParser(array)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      CaseJson.Fields huge = readFirstObject(parser);
      CaseJson.Fields next = readFirstObject(parser);

      assertThat(huge.problem())
          .hasValueSatisfying(
              problem(ErrorCode.ROW_TOO_MANY_FIELDS, Map.of(), "more than 64 fields"));
      assertThat(huge.values()).isEmpty();
      assertThat(next.values()).containsEntry("case_id", "next");
      assertThat(parser.nextToken()).isEqualTo(JsonToken.END_ARRAY);
    }
  }

  @Test
  void aFieldTwiceIsAProblemOfTheObject() throws IOException {
    try (JsonParser parser = JSON.createParser("{\"a\":1,\"a\":{\"b\":[1]},\"c\":2}")) {
      assertThat(readFirstObject(parser).problem())
          .hasValueSatisfying(
              problem(ErrorCode.ROW_DUPLICATE_FIELD, Map.of("name", "a"), "\"a\" appears twice"));
    }
  }

  @Test
  void keepsNestedValuesOnlyByTheirKind() throws IOException {
    try (JsonParser parser = JSON.createParser("{\"a\":{\"x\":[1,2]},\"b\":[{}],\"c\":null}")) {
      Map<String, Object> values = readFirstObject(parser).values();

      assertThat(values).containsEntry("a", Map.of()).containsEntry("b", List.of());
      assertThat(values).containsKey("c");
    }
  }

  @Test
  void definesTheLimitsTheDoorAndTheJobShare() {
    assertThat(CaseJson.CONSTRAINTS.getMaxNestingDepth()).isEqualTo(64);
    assertThat(CaseJson.CONSTRAINTS.getMaxStringLength()).isEqualTo(1_000_000);
    assertThat(CaseJson.CONSTRAINTS.getMaxNumberLength()).isEqualTo(100);
    String tooLong = "{\"description\":\"" + "d".repeat(1_000_001) + "\"}";
    assertThatThrownBy(() -> CaseRecordCodec.fromJson(tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("String value length");
  }

  @Test
  void theCodecAppliesTheFieldCapToo() {
    assertThatThrownBy(() -> CaseRecordCodec.fromJson(objectWithKeys(300_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 64 fields");
    String canonical = CaseRecordCodec.toJson(aCase().build());
    assertThat(CaseRecordCodec.fromJson(canonical)).isEqualTo(aCase().build());
  }
}
