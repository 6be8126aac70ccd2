package io.liangshai.reports.snapshot;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.Normalisation;
import io.liangshai.core.time.Period;
import io.liangshai.core.vocabulary.Vocabulary;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * The Chinese words of a bulletin: its title and periods, and the peer groups, rates and methods
 * named as the {@link Vocabulary} names them (the web page and the XLSX template read the same).
 */
public final class Wording {

  /** The standard peer groups in the order a bulletin shows them. */
  public static final List<String> STANDARD_GROUPS =
      List.of("cities", "counties", "mountain26", "non_mountain");

  private static final String[] QUARTERS = {"一", "二", "三", "四"};

  private Wording() {}

  /** e.g. 浙江省涉企问题高效闭环解决机制晾晒通报. */
  public static String title(String provinceName) {
    return provinceName + "涉企问题高效闭环解决机制晾晒通报";
  }

  /** The issuing office, e.g. 浙江省委改革办. */
  public static String issuer(String provinceName) {
    return provinceName + "委改革办";
  }

  /** 2024年1月, 2024年第一季度, 2024年, 2024年第9周. */
  public static String period(Period period) {
    LocalDate first = period.firstDay();
    return switch (period.kind()) {
      case MONTH -> first.getYear() + "年" + first.getMonthValue() + "月";
      case QUARTER -> first.getYear() + "年第" + QUARTERS[(first.getMonthValue() - 1) / 3] + "季度";
      case YEAR -> first.getYear() + "年";
      case WEEK ->
          first.get(IsoFields.WEEK_BASED_YEAR)
              + "年第"
              + first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
              + "周";
    };
  }

  /** 2024年2月6日. */
  public static String date(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** The label of a peer group; an unknown group is shown by its id. */
  public static String group(String group) {
    return Vocabulary.section("group").getOrDefault(group, group);
  }

  /** 办结率, 超时办结率, 重发复发率, 满意率. */
  public static String rate(Indicator rate) {
    if (!rate.isRate()) {
      throw new IllegalArgumentException(rate.wireName() + " is not a rate");
    }
    return Vocabulary.indicator(rate);
  }

  /** The two-character short name used in the signal column: 办结, 超时, 重发, 满意. */
  public static String shortRate(Indicator rate) {
    return rate(rate).substring(0, 2);
  }

  /** 越高越好 or 越低越好. */
  public static String direction(Direction direction) {
    return Vocabulary.label(direction);
  }

  public static String normalisation(Normalisation normalisation) {
    return Vocabulary.label(normalisation);
  }
}
