package io.liangshai.clickhouse.local.front;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FrontCredentialsTest {

  private final FrontCredentials credentials = new FrontCredentials("s3cret:with:colons");

  @Test
  void acceptsBasicTheClickHouseHeadersAndUrlParameters() {
    assertThatCode(() -> credentials.check(basic("default:s3cret:with:colons"), none()))
        .doesNotThrowAnyException();
    Headers keys = new Headers();
    keys.add("X-ClickHouse-User", "default");
    keys.add("X-ClickHouse-Key", "s3cret:with:colons");
    assertThatCode(() -> credentials.check(keys, none())).doesNotThrowAnyException();
    assertThatCode(
            () ->
                credentials.check(
                    new Headers(),
                    RequestParameters.parse("user=default&password=s3cret%3Awith%3Acolons")))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesMissingWrongOrMalformedCredentialsWithCode516() {
    assertRefused(new Headers(), none(), "default");
    assertRefused(basic("default:s3cret"), none(), "default");
    assertRefused(basic("reader:s3cret:with:colons"), none(), "reader");
    Headers bearer = new Headers();
    bearer.add("Authorization", "Bearer s3cret:with:colons");
    assertRefused(bearer, none(), "default");
    Headers garbage = new Headers();
    garbage.add("Authorization", "Basic !!!");
    assertRefused(garbage, none(), "default");
    assertRefused(
        basic("default:wrong"),
        RequestParameters.parse("password=s3cret%3Awith%3Acolons"),
        "default");
  }

  @Test
  void needsAPassword() {
    assertThatThrownBy(() -> new FrontCredentials("")).isInstanceOf(IllegalArgumentException.class);
  }

  private void assertRefused(Headers headers, RequestParameters params, String user) {
    assertThatThrownBy(() -> credentials.check(headers, params))
        .isInstanceOfSatisfying(
            FrontException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(516);
              org.assertj.core.api.Assertions.assertThat(e.httpStatus()).isEqualTo(401);
            })
        .hasMessageStartingWith("Code: 516. DB::Exception: " + user + ": Authentication failed");
  }

  private static Headers basic(String userColonPassword) {
    Headers headers = new Headers();
    headers.add(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }

  private static RequestParameters none() {
    return RequestParameters.parse(null);
  }
}
