package io.liangshai.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinomialTest {

  @Test
  void drawsWithTheBinomialMeanAndVarianceByInversionAndByTheNormalApproximation() {
    // n·q = 4 (inversion), 600 (normal), and p > 0.5 (mirrored)
    assertMoments(20, 0.2);
    assertMoments(2000, 0.3);
    assertMoments(50, 0.9);
  }

  @Test
  void staysWithinZeroToN() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      assertThat(Binomial.sample(random, 40, 0.999)).isBetween(0L, 40L);
      assertThat(Binomial.sample(random, 100_000, 0.5)).isBetween(0L, 100_000L);
    }
  }

  @Test
  void isCertainAtZeroAndOne() {
    SplittableRandom random = new SplittableRandom(1);
    assertThat(Binomial.sample(random, 30, 0.0)).isZero();
    assertThat(Binomial.sample(random, 30, 1.0)).isEqualTo(30);
    assertThat(Binomial.sample(random, 0, 0.5)).isZero();
  }

  private static void assertMoments(long n, double p) {
    SplittableRandom random = new SplittableRandom(42);
    int draws = 40_000;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < draws; i++) {
      long k = Binomial.sample(random, n, p);
      sum += k;
      squares += (double) k * k;
    }
    double mean = sum / draws;
    double variance = squares / draws - mean * mean;
    double expectedVariance = n * p * (1 - p);
    // 5 standard errors of the mean; variance within 5%
    assertThat(mean).as("mean").isCloseTo(n * p, within(5 * Math.sqrt(expectedVariance / draws)));
    assertThat(variance)
        .as("variance")
        .isCloseTo(expectedVariance, within(0.05 * expectedVariance));
  }
}
