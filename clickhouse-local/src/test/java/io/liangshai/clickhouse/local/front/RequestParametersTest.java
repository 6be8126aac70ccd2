package io.liangshai.clickhouse.local.front;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestParametersTest {

  @Test
  void sortsParametersTheWayClickHouseDoes() {
    RequestParameters p =
        RequestParameters.parse(
            "query=SELECT%20%7Bid%3AUInt8%7D&database=cases&default_format=JSON&query_id=q1"
                + "&param_id=7&param_name=%E6%99%BE+%27x%27&max_result_rows=10"
                + "&session_timezone=Asia%2FShanghai&user=default&password=secret"
                + "&wait_end_of_query=1&compress=0");

    assertThat(p.query()).isEqualTo("SELECT {id:UInt8}");
    assertThat(p.database()).isEqualTo("cases");
    assertThat(p.defaultFormat()).isEqualTo("JSON");
    assertThat(p.queryId()).isEqualTo("q1");
    assertThat(p.queryParameters())
        .containsExactly(java.util.Map.entry("id", "7"), java.util.Map.entry("name", "晾 'x'"));
    assertThat(p.settings())
        .containsOnlyKeys("max_result_rows", "session_timezone")
        .containsEntry("session_timezone", "Asia/Shanghai");
    assertThat(p.compressedResponse()).isFalse();
    assertThat(p.transport())
        .containsEntry("user", "default")
        .containsEntry("password", "secret")
        .doesNotContainKey("max_result_rows");
  }

  @Test
  void keepsTheSessionIdApartFromTheSettings() {
    RequestParameters p = RequestParameters.parse("session_id=s1&session_timeout=60&max_threads=2");

    assertThat(p.transport()).containsEntry("session_id", "s1").containsKey("session_timeout");
    assertThat(p.settings()).containsOnlyKeys("max_threads");
  }

  @Test
  void notesRequestsForCompression() {
    assertThat(RequestParameters.parse("compress=1").compressedResponse()).isTrue();
    assertThat(RequestParameters.parse("decompress=1").compressedRequest()).isTrue();
    assertThat(RequestParameters.parse("compress=false").compressedResponse()).isFalse();
  }

  @Test
  void acceptsAnEmptyQueryString() {
    RequestParameters p = RequestParameters.parse(null);

    assertThat(p.query()).isNull();
    assertThat(p.database()).isEmpty();
    assertThat(p.settings()).isEmpty();
  }
}
