package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.AsyncResult;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.assertj.core.api.ThrowingConsumer;

/**
 * Waiting for and reading the answers of an {@link ApiTestServer}: blocking ({@link #ok}, {@link
 * #status}) for tests that read top to bottom, {@link #verified} for tests on a {@link
 * VertxTestContext}.
 */
final class Answers {

  /** How long a test waits for one answer: generous, the machine is shared. */
  private static final long ANSWER_SECONDS = 120;

  private Answers() {}

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(ANSWER_SECONDS, TimeUnit.SECONDS);
  }

  /** Sends {@code request} without a body and waits for the answer. */
  static HttpResponse<Buffer> send(HttpRequest<Buffer> request) throws Exception {
    return await(request.send());
  }

  /** Sends {@code request}, asserts a 200 and reads its JSON body. */
  static JsonObject ok(HttpRequest<Buffer> request) throws Exception {
    HttpResponse<Buffer> r = send(request);
    assertThat(r.statusCode()).as(describe(r)).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  /** Sends {@code request}; its status. */
  static int status(HttpRequest<Buffer> request) throws Exception {
    return send(request).statusCode();
  }

  /** Status and body, for an assertion's description. */
  static String describe(HttpResponse<Buffer> r) {
    return r.statusCode() + " " + r.bodyAsString();
  }

  /**
   * A handler that runs {@code checks} on the result inside {@code ctx.verify} and then completes
   * {@code ctx}; a failed future fails the test.
   *
   * <pre>{@code
   * API.get(uri, key).send().onComplete(verified(ctx, r -> assertThat(r.statusCode()).isEqualTo(200)));
   * }</pre>
   */
  static <T> Handler<AsyncResult<T>> verified(VertxTestContext ctx, ThrowingConsumer<T> checks) {
    return ctx.succeeding(
        result ->
            ctx.verify(
                () -> {
                  checks.accept(result);
                  ctx.completeNow();
                }));
  }

  /**
   * Runs {@code check} on every label with the answer at the same index of {@code all} (the label
   * says which request an assertion is about), in order.
   */
  static void eachAnswer(
      CompositeFuture all, List<String> labels, BiConsumer<String, HttpResponse<Buffer>> check) {
    for (int i = 0; i < labels.size(); i++) {
      check.accept(labels.get(i), all.resultAt(i));
    }
  }

  /**
   * Once every one of {@code answers} has come, runs {@code check} on each with its label, as
   * {@link #eachAnswer}, inside {@code ctx.verify}; then completes {@code ctx}.
   */
  static void verifiedEach(
      VertxTestContext ctx,
      List<Future<HttpResponse<Buffer>>> answers,
      List<String> labels,
      BiConsumer<String, HttpResponse<Buffer>> check) {
    Future.all(answers).onComplete(verified(ctx, all -> eachAnswer(all, labels, check)));
  }

  /**
   * Once every one of {@code answers} has come, runs {@code check} on each with the status expected
   * of it (at the same index of {@code statuses}) inside {@code ctx.verify}; then completes {@code
   * ctx}.
   */
  static void verifiedStatuses(
      VertxTestContext ctx,
      List<Future<HttpResponse<Buffer>>> answers,
      List<Integer> statuses,
      BiConsumer<HttpResponse<Buffer>, Integer> check) {
    Future.all(answers)
        .onComplete(
            verified(
                ctx,
                all -> {
                  for (int i = 0; i < statuses.size(); i++) {
                    check.accept(all.resultAt(i), statuses.get(i));
                  }
                }));
  }
}
