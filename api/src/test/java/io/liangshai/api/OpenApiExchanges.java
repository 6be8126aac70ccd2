package io.liangshai.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.impl.ClientPhase;
import io.vertx.ext.web.client.impl.HttpContext;
import io.vertx.ext.web.client.impl.WebClientInternal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every response a {@link WebClient} receives, validated against the shipped OpenAPI document: its
 * status must be documented for the operation, its body must match that status's schema. The
 * mismatches are collected, {@link #assertNone()} fails with all of them.
 *
 * <p>Requests are not validated — the ITCases send wrong ones on purpose — and neither are answers
 * to paths or methods the document does not have (the 404s and 405s of the tests of unknown routes;
 * that every route is documented is {@link OpenApiRoutesITCase}'s job).
 */
final class OpenApiExchanges {

  /** Keys of messages about the request or its route, not about the answer. */
  private static final Set<String> NOT_ABOUT_THE_ANSWER =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiDocument.text()).build();

  private final List<String> mismatches = new CopyOnWriteArrayList<>();

  /** Validates every response {@code client} receives from now on. */
  void watch(WebClient client) {
    ((WebClientInternal) client)
        .addInterceptor(
            ctx -> {
              if (ctx.phase() == ClientPhase.DISPATCH_RESPONSE) {
                check(ctx);
              }
              ctx.next();
            });
  }

  private void check(HttpContext<?> ctx) {
    if (!(ctx.response().body() instanceof Buffer) && ctx.response().body() != null) {
      return; // a codec other than the Buffer one: the tests here read Buffers
    }
    String uri = ctx.request().uri();
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    Request.Method method;
    try {
      method = Request.Method.valueOf(ctx.request().method().name());
    } catch (IllegalArgumentException e) {
      return;
    }
    @SuppressWarnings("unchecked")
    HttpResponse<Buffer> response = (HttpResponse<Buffer>) ctx.response();
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
    for (Map.Entry<String, String> h : response.headers()) {
      answer.withHeader(h.getKey(), response.headers().getAll(h.getKey()));
    }
    if (response.body() != null) {
      answer.withBody(response.body().getBytes());
    }
    ValidationReport report = VALIDATOR.validateResponse(path, method, answer.build());
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR
          && !NOT_ABOUT_THE_ANSWER.contains(m.getKey())) {
        mismatches.add(
            method
                + " "
                + uri
                + " → "
                + response.statusCode()
                + ": "
                + m.getKey()
                + " "
                + m.getMessage()
                + " body: "
                + abbreviate(response.bodyAsString()));
      }
    }
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 300 ? String.valueOf(body) : body.substring(0, 300);
  }

  /** Fails naming every answer that did not match the document. */
  void assertNone() {
    if (!mismatches.isEmpty()) {
      throw new AssertionError(
          mismatches.size()
              + " answers do not match the OpenAPI document:\n"
              + String.join("\n", mismatches));
    }
  }
}
