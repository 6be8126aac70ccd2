package io.liangshai.api;

import io.liangshai.core.vocabulary.Vocabulary;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.CaseTemplate;
import io.liangshai.ingest.IndicatorValueTemplate;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/templates/cases.xlsx} and {@code GET /api/v1/templates/indicator-values.xlsx}:
 * the upload templates, for any key; and {@code GET /vocabulary.json}, the Chinese terms the web
 * page shows (the same {@link Vocabulary} the templates and the bulletins read), a static part of
 * the page like its scripts.
 */
final class TemplateRoutes {

  private static final Buffer VOCABULARY = Buffer.buffer(Vocabulary.json());

  private final AtomicReference<Buffer> cases = new AtomicReference<>();
  private final AtomicReference<Buffer> indicatorValues = new AtomicReference<>();

  static void vocabulary(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(VOCABULARY);
  }

  void cases(RoutingContext ctx) {
    serve(ctx, cases, CaseTemplate::xlsx, "cases.xlsx");
  }

  void indicatorValues(RoutingContext ctx) {
    serve(ctx, indicatorValues, IndicatorValueTemplate::xlsx, "indicator-values.xlsx");
  }

  private static void serve(
      RoutingContext ctx, AtomicReference<Buffer> cache, Supplier<byte[]> make, String name) {
    Authentication.principal(ctx);
    Buffer cached = cache.get();
    if (cached != null) {
      send(ctx, cached, name);
      return;
    }
    ApiResponses.when(
        ctx,
        Blocking.reads(ctx, () -> Buffer.buffer(make.get())),
        b -> {
          cache.set(b);
          send(ctx, b, name);
        });
  }

  private static void send(RoutingContext ctx, Buffer body, String name) {
    ctx.response()
        .putHeader("Content-Type", BatchFormat.XLSX_CONTENT_TYPE)
        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .end(body);
  }
}
