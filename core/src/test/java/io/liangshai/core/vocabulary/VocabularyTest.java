package io.liangshai.core.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.evaluation.FilterKey;
import io.liangshai.core.evaluation.IndicatorKind;
import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.Normalisation;
import io.liangshai.core.record.CaseField;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.record.Satisfaction;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.warning.DeadlineState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  @Test
  void everyErrorCodeHasAChineseTemplateAndNoTemplateIsLeftOver() {
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(Vocabulary.template(code)).as(code.wireName()).isNotBlank();
    }
    assertThat(Vocabulary.section("error").keySet())
        .containsExactlyElementsOf(
            Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).toList());
  }

  @Test
  void everyEnumerationOfTheRecordHasItsLabelsInItsOrder() {
    List<Class<? extends WireNamed>> types =
        List.of(
            Channel.class,
            Category.class,
            CaseStatus.class,
            EscalationLevel.class,
            Satisfaction.class,
            CaseField.class,
            Direction.class,
            Normalisation.class,
            DeadlineState.class);
    List<String> sections =
        List.of(
            "channel",
            "category",
            "status",
            "escalation_level",
            "satisfaction",
            "field",
            "direction",
            "normalisation",
            "deadline_state");
    for (int i = 0; i < types.size(); i++) {
      assertThat(Vocabulary.section(sections.get(i)).keySet())
          .as(sections.get(i))
          .containsExactlyElementsOf(
              Arrays.stream(types.get(i).getEnumConstants()).map(WireNamed::wireName).toList());
    }
  }

  @Test
  void everyIndicatorHasAName() {
    assertThat(Vocabulary.section("indicator").keySet())
        .containsExactlyElementsOf(
            Arrays.stream(Indicator.values()).map(Indicator::wireName).toList());
  }

  @Test
  void drawsTheTermsTheSpecWrites() {
    // SPEC §2: closed (办结), withdrawn (撤件), good_bad_review (好差评); §3: 办结率, 满意率.
    assertThat(Vocabulary.label(CaseStatus.CLOSED)).isEqualTo("办结");
    assertThat(Vocabulary.label(CaseStatus.WITHDRAWN)).isEqualTo("撤件");
    assertThat(Vocabulary.label(Channel.GOOD_BAD_REVIEW)).isEqualTo("好差评");
    assertThat(Vocabulary.indicator(Indicator.RESOLUTION_RATE)).isEqualTo("办结率");
    assertThat(Vocabulary.indicator(Indicator.SATISFACTION_RATE)).isEqualTo("满意率");
  }

  @Test
  void fillsNamedPlaceholdersAndLeavesAMissingOneVisible() {
    assertThat(
            Vocabulary.text(
                ErrorCode.USCC_CHECK_CHARACTER,
                Map.of("expected", "3", "actual", "4", "found", "91350100M000100Y44")))
        .isEqualTo("统一社会信用代码校验位应为「3」，实为「4」（GB 32100-2015），请检查「91350100M000100Y44」是否有误");
    assertThat(Vocabulary.text(ErrorCode.TEXT_TOO_LONG, Map.of("max", "200")))
        .contains("最多 200 个字符")
        .contains("{length}");
  }

  @Test
  void servesTheResourceItReads() throws Exception {
    Map<String, Object> served =
        new ObjectMapper().readValue(Vocabulary.json(), new TypeReference<>() {});
    assertThat(served.get("channel")).isEqualTo(Vocabulary.section("channel"));
    assertThat(served.keySet()).contains("error", "field", "indicator", "group", "level");
  }

  @Test
  void namesTheMissingTerm() {
    assertThatThrownBy(() -> Vocabulary.term("channel", "pigeon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"pigeon\"")
        .hasMessageContaining("\"channel\"");
  }

  @Test
  void everyIndicatorKindAndFilterKeyHasItsLabelInItsOrder() {
    assertThat(Vocabulary.section("indicator_kind").keySet())
        .containsExactlyElementsOf(
            Arrays.stream(IndicatorKind.values()).map(IndicatorKind::wireName).toList());
    assertThat(Vocabulary.section("filter_key").keySet())
        .containsExactlyElementsOf(
            Arrays.stream(FilterKey.values()).map(FilterKey::wireName).toList());
    assertThat(Vocabulary.term("target", "section")).isEqualTo("目标达成");
  }

  @Test
  void everyDataQualityFlagHasAChineseLabel() {
    assertThat(Vocabulary.section("quality_flag").keySet())
        .containsExactlyElementsOf(
            Arrays.stream(io.liangshai.core.governance.QualityFlag.values())
                .map(WireNamed::wireName)
                .toList());
  }
}
