package io.liangshai.postgres.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresEndpointTest {

  @Test
  void parsesAUrlWithAnEncodedPassword() {
    PostgresEndpoint endpoint =
        PostgresEndpoint.parse("postgresql://liang:p%40ss+w%3Ard@db.local:6543");

    assertThat(endpoint).isEqualTo(new PostgresEndpoint("db.local", 6543, "liang", "p@ss+w:rd"));
    assertThat(endpoint.jdbcUrl("meta")).isEqualTo("jdbc:postgresql://db.local:6543/meta");
  }

  @Test
  void theDefaultPortIs5432() {
    assertThat(PostgresEndpoint.parse("postgres://u:p@10.0.0.7").port()).isEqualTo(5432);
  }

  @Test
  void refusesAUrlWithoutCredentialsOrOfAnotherScheme() {
    assertThatThrownBy(() -> PostgresEndpoint.parse("postgresql://db.local:5432"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LIANGSHAI_POSTGRES_URL")
        .hasMessageContaining("USER:PASSWORD@HOST");
    assertThatThrownBy(() -> PostgresEndpoint.parse("mysql://u:p@db.local"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mysql");
  }

  @Test
  void neverShowsThePassword() {
    PostgresEndpoint endpoint = new PostgresEndpoint("127.0.0.1", 5432, "postgres", "s3cret");
    assertThat(endpoint.toString()).contains("postgres@127.0.0.1:5432").doesNotContain("s3cret");
  }
}
