package io.liangshai.api;

import io.liangshai.core.vocabulary.Vocabulary;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.CaseTemplate;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/templates/cases.xlsx}: the upload template, for any key; and {@code GET
 * /vocabulary.json}, the Chinese terms the web page shows (the same {@link Vocabulary} the template
 * and the bulletins read), a static part of the page like its scripts.
 */
final class TemplateRoutes {

  private static final Buffer VOCABULARY = Buffer.buffer(Vocabulary.json());

  private volatile Buffer cases;

  static void vocabulary(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(VOCABULARY);
  }

  void cases(RoutingContext ctx) {
    Authentication.principal(ctx);
    Buffer cached = cases;
    if (cached != null) {
      send(ctx, cached);
      return;
    }
    ApiResponses.when(
        ctx,
        Blocking.reads(ctx, () -> Buffer.buffer(CaseTemplate.xlsx())),
        b -> {
          cases = b;
          send(ctx, b);
        });
  }

  private static void send(RoutingContext ctx, Buffer body) {
    ctx.response()
        .putHeader("Content-Type", BatchFormat.XLSX_CONTENT_TYPE)
        .putHeader("Content-Disposition", "attachment; filename=\"cases.xlsx\"")
        .end(body);
  }
}
