package io.liangshai.core.ranking;

import static io.liangshai.core.ranking.RankingFixtures.figures;
import static io.liangshai.core.ranking.RankingFixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.Indicator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Over seeded random groups and schemes: the order in which tenants come, and the presence of a
 * tenant too small to rank, change nothing for the eligible tenants — not their rank or score, and
 * not their intervals, signals or shrunk rates either.
 */
class LeagueTablePropertyTest {

  private static final int CASES = 150;
  private static final RobustnessSettings LIGHT = new RobustnessSettings(40, 40, 0.2, 7);

  @Test
  void permutingTenantsChangesNoEligibleRow() {
    for (Draw draw : draws()) {
      List<TenantFigures> shuffled = new ArrayList<>(draw.group());
      Collections.shuffle(shuffled, new Random(draw.seed()));

      assertThat(eligibleRows(draw.scheme(), shuffled))
          .as("seed %d", draw.seed())
          .isEqualTo(eligibleRows(draw.scheme(), draw.group()));
    }
  }

  @Test
  void addingAnIneligibleTenantChangesNoEligibleRow() {
    for (Draw draw : draws()) {
      SplittableRandom random = draw.random();
      List<TenantFigures> larger = new ArrayList<>(draw.group());
      long received = random.nextInt(draw.scheme().minimumVolume());
      long closed = random.nextInt((int) received + 1);
      larger.add(
          random.nextInt(larger.size() + 1),
          figures("339999", received, closed, closed / 2, received / 3, closed, closed / 2));

      List<LeagueRow> before = eligibleRows(draw.scheme(), draw.group());
      assertThat(eligibleRows(draw.scheme(), larger)).as("seed %d", draw.seed()).isEqualTo(before);
    }
  }

  /** One seeded case: a scheme and a group, and the random source that drew them, for more. */
  private record Draw(
      int seed, SplittableRandom random, Scheme scheme, List<TenantFigures> group) {}

  /** Seeds 0 to {@link #CASES} − 1, each drawing its scheme first, then its group. */
  private static List<Draw> draws() {
    List<Draw> draws = new ArrayList<>();
    for (int seed = 0; seed < CASES; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Scheme scheme = randomScheme(random);
      List<TenantFigures> group = RobustnessTest.randomGroup(random, 2 + random.nextInt(40));
      draws.add(new Draw(seed, random, scheme, group));
    }
    return draws;
  }

  private static List<LeagueRow> eligibleRows(Scheme scheme, List<TenantFigures> group) {
    return LeagueTable.compute(scheme, group, Map.of(), LIGHT).rows().stream()
        .filter(LeagueRow::eligible)
        .toList();
  }

  /** The standard scheme or a random one over 1–4 rates with random weights and method. */
  private static Scheme randomScheme(SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      return Scheme.standard();
    }
    Normalisation method = Normalisation.values()[random.nextInt(Normalisation.values().length)];
    Scheme.Builder builder =
        named("random").minimumVolume(1 + random.nextInt(40)).normalisation(method);
    List<Indicator> rates = new ArrayList<>(LeagueTable.RATES);
    Collections.shuffle(rates, new Random(random.nextLong()));
    int count = 1 + random.nextInt(rates.size());
    for (int i = 0; i < count; i++) {
      Direction direction = Direction.values()[random.nextInt(2)];
      double lower = 0.5 * random.nextDouble();
      builder.indicator(
          rates.get(i),
          0.05 + random.nextDouble(),
          direction,
          new Goalposts(lower, lower + 0.1 + 0.4 * random.nextDouble()));
    }
    return builder.build();
  }
}
