package io.liangshai.core.ranking;

/**
 * How a scheme's ranking of a group responds to weight noise (权重敏感性): each weight multiplied by
 * {@code 1 + U(−noise, +noise)} in each of {@code draws} seeded draws, then renormalised.
 *
 * @param meanAbsRankChange mean |rank change| over eligible tenants and draws
 * @param shareOfTenantsMoved share of eligible tenants whose rank changes in at least one draw
 * @param maxAbsRankChange the largest |rank change| of any tenant in any draw
 */
public record WeightSensitivity(
    int draws,
    double noise,
    double meanAbsRankChange,
    double shareOfTenantsMoved,
    int maxAbsRankChange) {}
