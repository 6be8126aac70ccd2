package io.liangshai.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefusalJournalTest {

  private static final Instant AT = Instant.parse("2024-03-01T08:00:00.500Z");

  @TempDir Path dir;

  private RefusalJournal journal() throws Exception {
    return new RefusalJournal(new LandingZone(dir), Clock.fixed(AT, ZoneOffset.UTC));
  }

  @Test
  void keepsEveryRefusalInOrderAndReadsOnlyThoseAfterAWatermark() throws Exception {
    RefusalJournal journal = journal();
    Refusal first = journal.append("330522", "k_1", 400, "not JSON", 12L);
    Refusal second = journal.append("330522", "k_1", 413, "too large", null);
    Refusal third = journal.append("330500", "k_2", 400, "不是 JSON", 3L);

    assertThat(List.of(first.id(), second.id(), third.id())).isSorted().doesNotHaveDuplicates();
    assertThat(dir.resolve("audit/refused-20240301.jsonl")).exists();
    List<Refusal> all = journal().after(Optional.empty());
    assertThat(all).containsExactly(first, second, third);
    assertThat(journal().after(Optional.of(first.id()))).containsExactly(second, third);
    assertThat(journal().after(Optional.of(third.id()))).isEmpty();
  }

  @Test
  void aLineCutShortByACrashIsNotRead() throws Exception {
    RefusalJournal journal = journal();
    Refusal kept = journal.append("330522", "k_1", 400, "not JSON", 12L);
    String stampBefore = journal.stamp();
    Files.writeString(
        dir.resolve("audit/refused-20240301.jsonl"),
        "{\"id\":\"r_20240301T080000600_00",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    assertThat(journal.after(Optional.empty())).containsExactly(kept);
    assertThat(journal.stamp()).isNotEqualTo(stampBefore);
  }

  @Test
  void anEmptyLandingZoneHasNoRefusals() throws Exception {
    assertThat(journal().after(Optional.empty())).isEmpty();
    assertThat(journal().stamp()).isEmpty();
  }
}
