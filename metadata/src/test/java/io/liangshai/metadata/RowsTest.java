package io.liangshai.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowsTest {

  record Readable(String keyId, int version, long count, Instant createdAt, Optional<Instant> at) {}

  record NotAColumn(String id, List<String> tags) {}

  record NotAnInstant(String id, Optional<String> note) {}

  @Test
  void namesTheColumnOfAComponentInSnakeCase() {
    assertThat(Rows.snakeCase("keyId")).isEqualTo("key_id");
    assertThat(Rows.snakeCase("signedByTenant")).isEqualTo("signed_by_tenant");
    assertThat(Rows.snakeCase("version")).isEqualTo("version");
  }

  @Test
  void readsRecordsOfColumnTypesOnly() {
    assertThat(Rows.byComponents(Readable.class)).isNotNull();
    assertThatThrownBy(() -> Rows.byComponents(NotAColumn.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NotAColumn.tags is not a column type");
    assertThatThrownBy(() -> Rows.byComponents(NotAnInstant.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NotAnInstant.note is not a column type");
  }
}
