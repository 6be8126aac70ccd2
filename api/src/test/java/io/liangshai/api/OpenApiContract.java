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
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The contract between the server and its OpenAPI document, checked on every real answer: {@link
 * #watch(WebClient)} makes each response that client receives pass the document — its status
 * documented for the operation, its content type documented for that status, its body matching that
 * status's schema (objects closed: a property the document does not name is a mismatch). A response
 * that does not fails the request's future with an {@link AssertionError} naming every mismatch, so
 * the test that received it fails.
 *
 * <p>Requests are not validated — the ITCases send wrong ones on purpose — and neither are answers
 * to paths or methods the document does not have (the 404s and 405s of unknown routes, the web
 * page's files): that every route is documented is {@link OpenApiRoutesITCase}'s job. Prometheus'
 * scrape is not part of the API ({@link #NOT_THE_API}); its format is {@link
 * PrometheusMetricsITCase}'s.
 */
final class OpenApiContract {

  /**
   * Served operations outside the document: Prometheus' text exposition, for the operator, and the
   * web page's vocabulary (a static part of the page, like its scripts).
   */
  static final Set<String> NOT_THE_API = Set.of("GET /metrics", "GET /vocabulary.json");

  /** Keys of messages about the request or its route, not about the answer. */
  private static final Set<String> NOT_ABOUT_THE_ANSWER =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  /** allOf merged into one schema, so that each schema's properties are known as a whole. */
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiDocument.text())
          .withResolveRefs(true)
          .withResolveCombinators(true)
          .build();

  private OpenApiContract() {}

  /** From now on, every response {@code client} receives must match the document. */
  static void watch(WebClient client) {
    ((WebClientInternal) client)
        .addInterceptor(
            ctx -> {
              List<String> mismatches =
                  ctx.phase() == ClientPhase.DISPATCH_RESPONSE ? mismatches(ctx) : List.of();
              if (mismatches.isEmpty()) {
                ctx.next();
              } else {
                ctx.fail(
                    new AssertionError(
                        "the answer does not match the OpenAPI document:\n"
                            + String.join("\n", mismatches)));
              }
            });
  }

  private static List<String> mismatches(HttpContext<?> ctx) {
    Object body = ctx.response().body();
    if (body != null && !(body instanceof Buffer)) {
      return List.of(); // a codec other than the Buffer one: the tests here read Buffers
    }
    String uri = ctx.request().uri();
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    String method = ctx.request().method().name();
    if (NOT_THE_API.contains(method + " " + path)
        || Arrays.stream(Request.Method.values()).noneMatch(m -> m.name().equals(method))) {
      return List.of(); // not the API, or a method no OpenAPI document can have
    }
    @SuppressWarnings("unchecked")
    HttpResponse<Buffer> response = (HttpResponse<Buffer>) ctx.response();
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
    for (String name : response.headers().names()) {
      answer.withHeader(name, response.headers().getAll(name));
    }
    if (response.body() != null) {
      answer.withBody(response.body().getBytes());
    }
    ValidationReport report =
        VALIDATOR.validateResponse(path, Request.Method.valueOf(method), answer.build());
    String exchange = method + " " + uri + " → " + response.statusCode();
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .filter(m -> !NOT_ABOUT_THE_ANSWER.contains(m.getKey()))
        .map(m -> exchange + ": " + m.getKey() + " " + m.getMessage() + "; body: " + head(response))
        .toList();
  }

  private static String head(HttpResponse<Buffer> response) {
    String body = response.bodyAsString();
    return body == null || body.length() <= 300 ? String.valueOf(body) : body.substring(0, 300);
  }
}
