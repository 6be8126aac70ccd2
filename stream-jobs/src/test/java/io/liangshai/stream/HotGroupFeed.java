package io.liangshai.stream;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A hot recurrence group: the versions of many cases of one enterprise and category, received over
 * two years on whole hours (so equal times and exact 90-day boundaries are common), and one in a
 * hundred over the ten years before (sparse enough that verdicts flip late), in shuffled order.
 * Most cases close; some re-open and close again later (their {@code closed_at} changes), some are
 * withdrawn and some move to another category (they leave the group).
 */
final class HotGroupFeed {

  static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
  private static final int HOURS = 2 * 365 * 24;
  private static final int SPARSE_HOURS = 10 * 365 * 24;

  private HotGroupFeed() {}

  /** Every version of {@code cases} cases, shuffled with {@code seed}. */
  static List<CaseRecord> versions(int cases, long seed) {
    Random random = new Random(seed);
    List<CaseRecord> versions = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      versions.addAll(versionsOfOne("hot-" + i, random));
    }
    Collections.shuffle(versions, random);
    return versions;
  }

  private static List<CaseRecord> versionsOfOne(String caseId, Random random) {
    Instant received =
        random.nextInt(100) == 0
            ? START.minus(Duration.ofHours(random.nextInt(SPARSE_HOURS)))
            : START.plus(Duration.ofHours(random.nextInt(HOURS)));
    List<CaseRecord> versions = new ArrayList<>();
    Instant updated = received;
    versions.add(aCase().caseId(caseId).receivedAt(received).updatedAt(updated).build());
    if (random.nextInt(10) < 7) {
      Instant closed = received.plus(Duration.ofHours(random.nextInt(30 * 24)));
      updated = later(updated, closed);
      versions.add(closedAt(caseId, received, closed, updated, Category.GENERAL));
      if (random.nextInt(10) < 2) {
        updated = updated.plus(Duration.ofHours(1 + random.nextInt(24)));
        versions.add(
            aCase()
                .caseId(caseId)
                .receivedAt(received)
                .updatedAt(updated)
                .status(CaseStatus.IN_PROGRESS)
                .build());
        if (random.nextBoolean()) {
          Instant again = updated.plus(Duration.ofHours(random.nextInt(60 * 24)));
          updated = later(updated, again);
          versions.add(closedAt(caseId, received, again, updated, Category.GENERAL));
        }
      }
    }
    int fate = random.nextInt(20);
    if (fate == 0) {
      updated = updated.plus(Duration.ofHours(1));
      versions.add(
          aCase()
              .caseId(caseId)
              .receivedAt(received)
              .updatedAt(updated)
              .status(CaseStatus.WITHDRAWN)
              .build());
    } else if (fate == 1) {
      CaseRecord last = versions.get(versions.size() - 1);
      updated = updated.plus(Duration.ofHours(1));
      versions.add(
          last.isClosed()
              ? closedAt(caseId, received, last.closedAt(), updated, Category.FINANCE)
              : aCase()
                  .caseId(caseId)
                  .receivedAt(received)
                  .updatedAt(updated)
                  .category(Category.FINANCE)
                  .build());
    }
    return versions;
  }

  private static CaseRecord closedAt(
      String caseId, Instant received, Instant closed, Instant updated, Category category) {
    return aCase()
        .caseId(caseId)
        .receivedAt(received)
        .closedAt(closed)
        .updatedAt(updated)
        .category(category)
        .build();
  }

  private static Instant later(Instant previous, Instant candidate) {
    return candidate.isAfter(previous) ? candidate : previous.plusSeconds(1);
  }

  /** The group changes the job's latest-version operator makes of {@code records}, in order. */
  static List<GroupChange> changes(List<CaseRecord> records) throws Exception {
    try (var latest = KeyedHarness.opened(new LatestVersionFunction(), Landed::caseKey)) {
      List<GroupChange> changes = new ArrayList<>();
      for (CaseRecord r : records) {
        latest.processElement(new Landed(Origin.NONE, r), 0);
        changes.addAll(latest.extractOutputValues());
        latest.getOutput().clear();
      }
      return changes;
    }
  }
}
