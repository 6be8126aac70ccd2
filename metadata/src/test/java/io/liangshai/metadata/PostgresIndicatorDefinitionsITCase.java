package io.liangshai.metadata;

import static io.liangshai.metadata.MetadataFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.metadata.PostgresIndicatorDefinitions.Row;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresIndicatorDefinitionsITCase {

  @RegisterExtension
  static final MetadataDatabase<PostgresIndicatorDefinitions> INDICATORS =
      new MetadataDatabase<>(PostgresIndicatorDefinitions::new);

  @Test
  void theSameCodeAgainIsTheNextVersion() {
    Row first = INDICATORS.store().create("leader_rate", "{\"name\":\"a\"}", "k_1");
    Row second = INDICATORS.store().create("leader_rate", "{\"name\":\"b\"}", "k_2");

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(first.createdAt()).isEqualTo(NOW);
    assertThat(INDICATORS.store().all())
        .filteredOn(r -> r.code().equals("leader_rate"))
        .containsExactly(first, second);
  }

  @Test
  void concurrentCreatesOfOneCodeNeverShareAVersion() throws Exception {
    List<Integer> versions =
        Concurrently.run(8, t -> () -> INDICATORS.store().create("busy", "{}", "k_" + t)).stream()
            .map(Row::version)
            .toList();

    assertThat(versions)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8).boxed().toList());
  }

  @Test
  void retireRetiresEveryVersionOnceAndAnswersNothingForAnUnknownCode() {
    INDICATORS.store().create("old", "{}", "k_1");
    INDICATORS.store().create("old", "{}", "k_1");

    List<Row> retired = INDICATORS.store().retire("old");

    assertThat(retired).extracting(Row::retiredAt).containsOnly(Optional.of(NOW));
    assertThat(INDICATORS.store().retire("old")).isEqualTo(retired);
    assertThat(INDICATORS.store().retire("never_defined")).isEmpty();
  }
}
