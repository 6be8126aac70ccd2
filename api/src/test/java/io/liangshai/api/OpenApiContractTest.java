package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link OpenApiContract} itself, against a stand-in server that answers {@code GET /api/v1/me}
 * with what each test asks for: a documented answer passes, anything else fails the request.
 */
@ExtendWith(VertxExtension.class)
class OpenApiContractTest {

  private static final JsonObject ME =
      new JsonObject()
          .put("tenant", "330522")
          .put("code", "330522")
          .put("name", "长兴县")
          .put("level", "county")
          .put("parent", "330500")
          .put("groups", new JsonArray().add("counties"))
          .put("key_id", "k_0123456789abcdef")
          .put("province", false);

  private static HttpServer server;
  private static WebClient client;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    server =
        await(
            vertx
                .createHttpServer()
                .requestHandler(
                    req ->
                        req.response()
                            .setStatusCode(Integer.parseInt(req.getParam("status")))
                            .putHeader("Content-Type", req.getParam("type"))
                            .end(req.getParam("body")))
                .listen(0, "127.0.0.1"));
    client = WebClient.create(vertx);
    OpenApiContract.watch(client);
  }

  private static Future<?> answer(int status, String type, String body) {
    return client
        .get(server.actualPort(), "127.0.0.1", "/api/v1/me")
        .addQueryParam("status", Integer.toString(status))
        .addQueryParam("type", type)
        .addQueryParam("body", body)
        .send();
  }

  @Test
  void aDocumentedAnswerPasses() throws Exception {
    assertThat(await(answer(200, "application/json; charset=utf-8", ME.encode()))).isNotNull();
  }

  @Test
  void aPropertyTheDocumentDoesNotNameFailsTheRequest() {
    String body = ME.copy().put("secret", "ls_x").encode();

    assertThatThrownBy(() -> await(answer(200, "application/json", body)))
        .hasCauseInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /api/v1/me")
        .hasMessageContaining("secret");
  }

  @Test
  void aWrongTypeFailsTheRequest() {
    String body = ME.copy().put("province", "no").encode();

    assertThatThrownBy(() -> await(answer(200, "application/json", body)))
        .hasCauseInstanceOf(AssertionError.class)
        .hasMessageContaining("province");
  }

  @Test
  void anUndocumentedStatusFailsTheRequest() {
    String body =
        new JsonObject().put("status", 418).put("error", "x").put("message", "y").encode();

    assertThatThrownBy(() -> await(answer(418, "application/json", body)))
        .hasCauseInstanceOf(AssertionError.class)
        .hasMessageContaining("418");
  }

  @Test
  void anUndocumentedContentTypeFailsTheRequest() {
    assertThatThrownBy(() -> await(answer(200, "text/html", "<p>me</p>")))
        .hasCauseInstanceOf(AssertionError.class)
        .hasMessageContaining("text/html");
  }
}
