package io.liangshai.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BetaBinomialPriorTest {

  @Test
  void fitsTheMethodOfMomentsByHand() {
    // p = 0.2, 0.5, 0.8 of n = 10: m = 0.5, v = 0.09, h = 0.1
    // rho = (0.09/0.25 − 0.1)/(1 − 0.1) = 0.26/0.9
    BetaBinomialPrior prior = BetaBinomialPrior.fit(new long[] {2, 5, 8}, new long[] {10, 10, 10});

    assertThat(prior.mean()).isCloseTo(0.5, within(1e-12));
    assertThat(prior.rho()).isCloseTo(0.26 / 0.9, within(1e-12));
  }

  @Test
  void shrinksSmallTenantsMoreThanLargeOnes() {
    BetaBinomialPrior prior = new BetaBinomialPrior(0.9, 0.05);

    double small = prior.shrink(5, 10); // raw 0.5
    double large = prior.shrink(500, 1000); // raw 0.5

    assertThat(small).isBetween(0.5, 0.9);
    assertThat(large).isBetween(0.5, small);
    // B = nρ/(nρ + 1 − ρ) = 0.5/1.45 for n = 10
    assertThat(small).isCloseTo(0.9 + 0.5 / 1.45 * (0.5 - 0.9), within(1e-12));
  }

  @Test
  void poolsFullyWhenTheSpreadIsNoMoreThanBinomialNoise() {
    BetaBinomialPrior prior =
        BetaBinomialPrior.fit(new long[] {50, 50, 51}, new long[] {100, 100, 100});

    assertThat(prior.rho()).isZero();
    assertThat(prior.shrink(51, 100)).isEqualTo(prior.mean());
  }

  @Test
  void keepsRawRatesWhenTheSpreadIsHuge() {
    BetaBinomialPrior prior =
        BetaBinomialPrior.fit(new long[] {0, 1000, 0, 1000}, new long[] {1000, 1000, 1000, 1000});

    assertThat(prior.rho()).isEqualTo(1.0);
    assertThat(prior.shrink(0, 1000)).isEqualTo(0.0);
  }

  @Test
  void givesNoPriorForFewerThanTwoTenantsWithADenominator() {
    assertThat(BetaBinomialPrior.fit(new long[] {3, 0}, new long[] {10, 0})).isNull();
  }

  @Test
  void leavesTheShrunkRateNullWithoutADenominator() {
    assertThat(new BetaBinomialPrior(0.5, 0.5).shrink(0, 0)).isNull();
  }
}
