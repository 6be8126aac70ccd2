package io.liangshai.clickhouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Only requests with this start's password reach the engine, so another local user cannot read or
 * write the platform's tables; the password is taken the ways a ClickHouse server takes it.
 */
class HttpFrontAuthITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private final FrontRequests front = new FrontRequests(CLICKHOUSE);

  @Test
  void refusesRequestsWithoutTheRightPasswordAsAServerDoes() throws Exception {
    String table = front.table("keys_no_auth");
    String insert = "INSERT INTO " + table + " VALUES (1, 'stolen')";
    for (HttpRequest.Builder request :
        new HttpRequest.Builder[] {
          front.anonymous(""),
          front.anonymous("").header("Authorization", basic("default", "guess")),
          front
              .anonymous("")
              .header("X-ClickHouse-User", "default")
              .header("X-ClickHouse-Key", "guess"),
          front.anonymous("user=default&password=guess"),
          front.anonymous("").header("Authorization", basic("admin", CLICKHOUSE.password())),
        }) {
      HttpResponse<String> refused = front.send(request, insert);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
      assertThat(refused.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("516");
      assertThat(refused.body()).contains("DB::Exception: ").contains(": Authentication failed");
    }
    assertThat(front.send(front.anonymous(""), "SELECT 1").body())
        .startsWith("Code: 516. DB::Exception: default: Authentication failed");
    assertThat(front.query("SELECT count() FROM " + table)).isEqualTo("0\n");
  }

  @Test
  void theJdbcDriverWithoutThePasswordGetsTheServersAnswer() {
    String withoutPassword = CLICKHOUSE.jdbcUrl().replaceAll("&password=[^&]*", "");
    assertThat(withoutPassword).doesNotContain(CLICKHOUSE.password());
    assertThatThrownBy(
            () -> {
              try (Connection c = DriverManager.getConnection(withoutPassword);
                  Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1").close();
              }
            })
        .isInstanceOf(SQLException.class)
        .hasStackTraceContaining("Authentication failed");
  }

  @Test
  void takesThePasswordTheWaysAServerTakesIt() throws Exception {
    String password = CLICKHOUSE.password();
    assertThat(
            front.send(
                front.anonymous("").header("Authorization", basic("default", password)),
                "SELECT 1"))
        .satisfies(r -> assertThat(r.body()).isEqualTo("1\n"));
    assertThat(
            front
                .send(
                    front
                        .anonymous("")
                        .header("X-ClickHouse-User", "default")
                        .header("X-ClickHouse-Key", password),
                    "SELECT 2")
                .body())
        .isEqualTo("2\n");
    assertThat(
            front
                .send(
                    front.anonymous("user=default&password=" + FrontRequests.encode(password)),
                    "SELECT 3")
                .body())
        .isEqualTo("3\n");
    assertThat(
            front
                .send(front.anonymous("password=" + FrontRequests.encode(password)), "SELECT 4")
                .body())
        .as("no user is the default user")
        .isEqualTo("4\n");
  }

  @Test
  void answersPingWithoutAPassword() throws Exception {
    HttpResponse<String> ping = front.ping();
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(ping.body()).isEqualTo("Ok.\n");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
