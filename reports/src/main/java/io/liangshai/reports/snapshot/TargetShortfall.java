package io.liangshai.reports.snapshot;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of the 目标达成 section (SPEC §7): for one peer group and one of the scheme's indicators
 * with a target, the members whose value misses it ({@code met} false), worst first.
 *
 * @param group the peer group id
 * @param groupLabel its Chinese label
 * @param indicator the indicator code
 * @param name its Chinese name as published
 * @param unit how its values read: {@code rate} (a ratio, shown in percent), {@code days} (a mean
 *     handling time) or {@code value} (a bare reported value)
 * @param direction {@code higher_better} (met when value ≥ target) or {@code lower_better}
 * @param target the target in force at publication
 * @param judged how many members have a value (the others are neither met nor missed)
 * @param below the members below target, worst first, then by code
 */
public record TargetShortfall(
    String group,
    String groupLabel,
    String indicator,
    String name,
    String unit,
    String direction,
    BigDecimal target,
    int judged,
    List<Below> below) {

  public TargetShortfall {
    below = List.copyOf(below);
  }

  /** A member below target: code, registry name and its value. */
  public record Below(String tenant, String name, BigDecimal value) {}
}
