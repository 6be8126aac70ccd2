package io.liangshai.metadata;

import static io.liangshai.metadata.MetadataFixture.CLOCK;
import static io.liangshai.metadata.MetadataFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.metadata.SchemeVersionStore.Row;
import io.liangshai.metadata.testing.MetadataExtension;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSchemeVersionsITCase {

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private final PostgresSchemeVersions schemes =
      new PostgresSchemeVersions(METADATA.dataSource(), CLOCK);

  @Test
  void createNumbersTheVersionsOfAnIdFromOne() throws Exception {
    Row first = schemes.create("speed", "速度优先", "{\"weights\":{\"a\":1}}", "k_1");
    Row second = schemes.create("speed", "速度优先", "{\"weights\":{\"a\":2}}", "k_2");

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(schemes.versionsOf("speed")).containsExactly(first, second);
    assertThat(first.createdAt()).isEqualTo(NOW);
  }

  @Test
  void aSecondDefinitionOfTheSameVersionIsRefusedAndTheFirstStays() throws Exception {
    Row original = version("quality", 1, "{\"w\":1}");
    schemes.define(original);

    assertThatThrownBy(() -> schemes.define(version("quality", 1, "{\"w\":2}")))
        .isInstanceOf(SchemeVersionExistsException.class)
        .hasMessageContaining("quality@1");
    assertThat(schemes.versionsOf("quality")).containsExactly(original);
  }

  @Test
  void aCreateAfterADefinitionNumbersAfterIt() throws Exception {
    schemes.define(version("moved", 5, "{}"));
    assertThat(schemes.create("moved", "moved", "{}", "k_1").version()).isEqualTo(6);
  }

  @Test
  void concurrentCreatesOfOneIdNeverShareAVersion() throws Exception {
    List<Integer> versions =
        Concurrently.run(
                8, t -> () -> schemes.create("busy", "busy", "{\"t\":" + t + "}", "k_" + t))
            .stream()
            .map(Row::version)
            .toList();

    assertThat(versions)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8).boxed().toList());
    assertThat(schemes.versionsOf("busy"))
        .extracting(Row::version)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void retiresOneVersionOrAllAndKeepsTheFirstRetirement() throws Exception {
    schemes.create("old", "old", "{}", "k_1");
    schemes.create("old", "old", "{}", "k_1");

    List<Row> afterOne = schemes.retire("old", 1);
    assertThat(afterOne).extracting(v -> v.retiredAt().isPresent()).containsExactly(true, false);
    List<Row> afterAll = schemes.retire("old", null);
    assertThat(afterAll).extracting(Row::retiredAt).containsOnly(Optional.of(NOW));
    assertThat(schemes.retire("old", 9)).isEmpty();
    assertThat(schemes.retire("none", null)).isEmpty();
  }

  private static Row version(String id, int version, String definition) {
    return new Row(id, version, id, definition, NOW, "k_1", Optional.empty());
  }
}
