package io.liangshai.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmenterTest {

  private static final Segmenter SEGMENTER = new Segmenter();

  @Test
  void dropsTheBoilerplateOfCaseTexts() {
    assertThat(SEGMENTER.words("企业反映来电咨询，希望尽快协调解决，要求相关部门给予答复。"))
        .doesNotContain("企业", "反映", "来电", "咨询", "希望", "要求", "解决", "部门");
  }

  @Test
  void joinsCharactersTheDictionaryLeavesAlone() {
    assertThat(SEGMENTER.words("项目用地指标不足，厂房扩建无法落地"))
        .containsExactly("项目", "用地", "指标", "不足", "厂房", "扩建", "落地");
    assertThat(SEGMENTER.words("新上生产线需要电力增容")).contains("电力", "增容");
  }

  @Test
  void dropsSingleCharactersNumbersAndNothing() {
    assertThat(SEGMENTER.words("融资难，贷款 2024 年 30 万")).containsExactly("融资", "贷款");
    assertThat(SEGMENTER.words(null)).isEmpty();
    assertThat(SEGMENTER.words("  ")).isEmpty();
  }

  @Test
  void readsTheShippedBoilerplateList() {
    assertThat(SEGMENTER.boilerplate()).contains("企业反映", "来电", "希望", "咨询", "要求");
  }
}
