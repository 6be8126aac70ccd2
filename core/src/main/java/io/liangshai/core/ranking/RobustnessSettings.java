package io.liangshai.core.ranking;

/**
 * How much work the beyond-SPEC analyses do, and their seed; the same settings and figures give the
 * same results.
 *
 * @param resamples bootstrap resamples for rank intervals; 0 leaves them out
 * @param weightDraws weight perturbations for the sensitivity summary; 0 leaves it out
 * @param weightNoise each weight varies by up to this share either way, from 0 to below 1
 * @param seed seeds every random draw
 */
public record RobustnessSettings(int resamples, int weightDraws, double weightNoise, long seed) {

  /** The seed used unless one is given. */
  public static final long DEFAULT_SEED = 20240101L;

  public RobustnessSettings {
    if (resamples < 0) {
      throw new IllegalArgumentException("resamples must be ≥ 0, was " + resamples);
    }
    if (weightDraws < 0) {
      throw new IllegalArgumentException("weightDraws must be ≥ 0, was " + weightDraws);
    }
    if (!(weightNoise >= 0 && weightNoise < 1)) {
      throw new IllegalArgumentException("weightNoise must be in [0, 1), was " + weightNoise);
    }
  }

  /** 200 resamples, 200 weight draws of ±20%, the default seed. */
  public static RobustnessSettings defaults() {
    return new RobustnessSettings(200, 200, 0.20, DEFAULT_SEED);
  }

  /** Neither rank intervals nor weight sensitivity: only the SPEC §4 table. */
  public static RobustnessSettings none() {
    return new RobustnessSettings(0, 0, 0.20, DEFAULT_SEED);
  }
}
