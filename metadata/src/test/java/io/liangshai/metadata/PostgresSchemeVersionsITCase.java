package io.liangshai.metadata;

import static io.liangshai.metadata.MetadataFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.metadata.SchemeVersionStore.Row;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSchemeVersionsITCase {

  @RegisterExtension
  static final MetadataDatabase<PostgresSchemeVersions> SCHEMES =
      new MetadataDatabase<>(PostgresSchemeVersions::new);

  @Test
  void createNumbersTheVersionsOfAnIdFromOne() throws Exception {
    Row first = SCHEMES.store().create("speed", "速度优先", "{\"weights\":{\"a\":1}}", "k_1");
    Row second = SCHEMES.store().create("speed", "速度优先", "{\"weights\":{\"a\":2}}", "k_2");

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(SCHEMES.store().versionsOf("speed")).containsExactly(first, second);
    assertThat(first.createdAt()).isEqualTo(NOW);
  }

  @Test
  void aSecondDefinitionOfTheSameVersionIsRefusedAndTheFirstStays() throws Exception {
    Row original = version("quality", 1, "{\"w\":1}");
    SCHEMES.store().define(original);

    assertThatThrownBy(() -> SCHEMES.store().define(version("quality", 1, "{\"w\":2}")))
        .isInstanceOf(SchemeVersionExistsException.class)
        .hasMessageContaining("quality@1");
    assertThat(SCHEMES.store().versionsOf("quality")).containsExactly(original);
  }

  @Test
  void aCreateAfterADefinitionNumbersAfterIt() throws Exception {
    SCHEMES.store().define(version("moved", 5, "{}"));
    assertThat(SCHEMES.store().create("moved", "moved", "{}", "k_1").version()).isEqualTo(6);
  }

  @Test
  void concurrentCreatesOfOneIdNeverShareAVersion() throws Exception {
    List<Integer> versions =
        Concurrently.run(
                8, t -> () -> SCHEMES.store().create("busy", "busy", "{\"t\":" + t + "}", "k_" + t))
            .stream()
            .map(Row::version)
            .toList();

    assertThat(versions)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8).boxed().toList());
    assertThat(SCHEMES.store().versionsOf("busy"))
        .extracting(Row::version)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void retiresOneVersionOrAllAndKeepsTheFirstRetirement() throws Exception {
    SCHEMES.store().create("old", "old", "{}", "k_1");
    SCHEMES.store().create("old", "old", "{}", "k_1");

    List<Row> afterOne = SCHEMES.store().retire("old", 1);
    assertThat(afterOne).extracting(v -> v.retiredAt().isPresent()).containsExactly(true, false);
    List<Row> afterAll = SCHEMES.store().retire("old", null);
    assertThat(afterAll).extracting(Row::retiredAt).containsOnly(Optional.of(NOW));
    assertThat(SCHEMES.store().retire("old", 9)).isEmpty();
    assertThat(SCHEMES.store().retire("none", null)).isEmpty();
  }

  private static Row version(String id, int version, String definition) {
    return new Row(id, version, id, definition, NOW, "k_1", Optional.empty());
  }
}
