package io.liangshai.core.ranking;

/**
 * How one tenant's rank responds to weight noise.
 *
 * @param maxAbsRankChange the largest |rank under perturbed weights − rank| over the draws
 * @param shareOfDrawsChanged the share of draws in which the rank differs, 0–1
 */
public record TenantSensitivity(int maxAbsRankChange, double shareOfDrawsChanged) {}
