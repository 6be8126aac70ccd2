package io.liangshai.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"2024-03", "2024-12", "2024-Q1", "2024-Q4", "2024", "2024-W09", "2020-W53"})
  void formatsWhatItParses(String text) {
    assertThat(Period.parse(text)).hasToString(text);
  }

  @Test
  void parsesEachKind() {
    assertThat(Period.parse("2024-03").kind()).isEqualTo(PeriodKind.MONTH);
    assertThat(Period.parse("2024-Q1").kind()).isEqualTo(PeriodKind.QUARTER);
    assertThat(Period.parse("2024").kind()).isEqualTo(PeriodKind.YEAR);
    assertThat(Period.parse("2024-W09").kind()).isEqualTo(PeriodKind.WEEK);
    assertThat(Period.parse("2024-W09").firstDay()).isEqualTo(LocalDate.of(2024, 2, 26));
  }

  @Test
  void placesAnInstantInTheMonthOfShanghaiNotUtc() {
    assertThat(Period.of(PeriodKind.MONTH, Instant.parse("2024-01-31T16:30:00Z")))
        .isEqualTo(Period.parse("2024-02"));
    assertThat(Period.of(PeriodKind.MONTH, Instant.parse("2024-01-31T15:59:59.999999Z")))
        .isEqualTo(Period.parse("2024-01"));
    assertThat(Period.of(PeriodKind.QUARTER, Instant.parse("2024-03-31T16:00:00Z")))
        .isEqualTo(Period.parse("2024-Q2"));
    assertThat(Period.of(PeriodKind.YEAR, Instant.parse("2023-12-31T16:00:00Z")))
        .isEqualTo(Period.parse("2024"));
  }

  @Test
  void startsAndEndsAtMidnightShanghai() {
    Period february = Period.parse("2024-02");

    assertThat(february.start()).isEqualTo(Instant.parse("2024-01-31T16:00:00Z"));
    assertThat(february.end()).isEqualTo(Instant.parse("2024-02-29T16:00:00Z"));
    assertThat(february.lastDay()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(february.contains(Instant.parse("2024-01-31T16:00:00Z"))).isTrue();
    assertThat(february.contains(Instant.parse("2024-02-29T16:00:00Z"))).isFalse();
  }

  @Test
  void placesIsoWeeksAcrossTheYearEnd() {
    Instant mondayDec30Shanghai = Instant.parse("2024-12-29T16:30:00Z");

    Period week = Period.of(PeriodKind.WEEK, mondayDec30Shanghai);

    assertThat(week).hasToString("2025-W01");
    assertThat(week.start()).isEqualTo(Instant.parse("2024-12-29T16:00:00Z"));
    assertThat(week.end()).isEqualTo(Instant.parse("2025-01-05T16:00:00Z"));
    assertThat(Period.of(PeriodKind.WEEK, LocalDate.of(2021, 1, 3))).hasToString("2020-W53");
    assertThat(Period.of(PeriodKind.WEEK, Instant.parse("2024-12-29T15:59:59Z")))
        .hasToString("2024-W52");
  }

  @Test
  void stepsBackByOnePeriodOfTheSameLength() {
    assertThat(Period.parse("2024-01").previous()).hasToString("2023-12");
    assertThat(Period.parse("2024-Q1").previous()).hasToString("2023-Q4");
    assertThat(Period.parse("2024").previous()).hasToString("2023");
    assertThat(Period.parse("2025-W01").previous()).hasToString("2024-W52");
    assertThat(Period.parse("2021-W01").previous()).hasToString("2020-W53");
    assertThat(Period.parse("2024-03").next()).hasToString("2024-04");
  }

  @Test
  void listsThePeriodsOfEveryKindContainingAnInstant() {
    assertThat(Period.containing(Instant.parse("2024-02-29T17:00:00Z")))
        .extracting(Period::toString)
        .containsExactly("2024-03", "2024-Q1", "2024", "2024-W09");
    assertThat(
            Period.containing(Instant.parse("2024-02-29T17:00:00Z"), List.of(PeriodKind.QUARTER)))
        .extracting(Period::toString)
        .containsExactly("2024-Q1");
  }

  @Test
  void rejectsUnknownFormatListingTheAcceptedOnes() {
    assertThatThrownBy(() -> Period.parse("2024/03"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"2024/03\"")
        .hasMessageContaining("2024-Q1")
        .hasMessageContaining("2024-W09");
  }

  @Test
  void rejectsOutOfRangePartsSayingWhich() {
    assertThatThrownBy(() -> Period.parse("2024-13"))
        .hasMessageContaining("month must be 1–12, found 13");
    assertThatThrownBy(() -> Period.parse("2024-Q5")).hasMessageContaining("quarter must be 1–4");
    assertThatThrownBy(() -> Period.parse("2021-W53"))
        .hasMessageContaining("ISO week must be 1–52");
    assertThatThrownBy(() -> Period.parse("2024-W00")).hasMessageContaining("ISO week");
  }

  @Test
  void ordersByKindThenTime() {
    assertThat(Period.parse("2024-01")).isLessThan(Period.parse("2024-02"));
    assertThat(Period.parse("2024-12")).isLessThan(Period.parse("2024-Q1"));
  }

  @Test
  void theTextIsWhatTheFormatPatternsGaveForEveryDayOfFourCenturies() {
    for (LocalDate d = LocalDate.of(1890, 1, 1);
        d.isBefore(LocalDate.of(2300, 1, 1));
        d = d.plusDays(1)) {
      for (PeriodKind kind : PeriodKind.values()) {
        Period p = Period.of(kind, d);
        LocalDate first = p.firstDay();
        String expected =
            switch (kind) {
              case MONTH -> String.format("%04d-%02d", first.getYear(), first.getMonthValue());
              case QUARTER ->
                  String.format("%04d-Q%d", first.getYear(), (first.getMonthValue() + 2) / 3);
              case YEAR -> String.format("%04d", first.getYear());
              case WEEK ->
                  String.format(
                      "%04d-W%02d",
                      first.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                      first.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            };
        assertThat(p.toString()).as(kind + " of " + d).isEqualTo(expected);
        assertThat(Period.parse(expected)).isEqualTo(p);
      }
    }
    assertThat(Period.of(PeriodKind.YEAR, LocalDate.of(987, 6, 1)).toString()).isEqualTo("0987");
  }
}
