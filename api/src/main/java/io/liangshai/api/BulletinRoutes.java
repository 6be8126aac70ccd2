package io.liangshai.api;

import io.liangshai.core.time.Period;
import io.liangshai.reports.Bulletin;
import io.liangshai.reports.BulletinFormat;
import io.liangshai.reports.BulletinPublisher;
import io.liangshai.reports.BulletinStore;
import io.liangshai.reports.PublishException;
import io.liangshai.reports.PublishRequest;
import io.liangshai.reports.Series;
import io.liangshai.reports.snapshot.Wording;
import io.liangshai.tenants.Principal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ranking bulletins (晾晒通报): the province publishes ({@code POST /api/v1/bulletins}); every tenant
 * lists them and downloads the PDF, the XLSX and the frozen snapshot exactly as published.
 */
record BulletinRoutes(BulletinPublisher publisher, BulletinStore store) {

  private static final Set<String> FIELDS =
      Set.of("period", "group", "groups", "scheme", "corrects");
  private static final Pattern ID = Pattern.compile("[a-z]+-\\d{4,9}");
  private static final int CONFLICT = 409;

  /**
   * {@code POST /api/v1/bulletins} with {@code {"period", "group" | "groups", "scheme",
   * "corrects"}} → 201 with the published bulletin.
   */
  void publish(RoutingContext ctx) {
    Principal caller = Authentication.requireProvince(ctx, "publish bulletins");
    PublishRequest request = request(JsonBodies.object(ctx), caller);
    Blocking.admin(ctx, () -> publisher.publish(request))
        .onSuccess(
            b -> {
              ctx.response().putHeader("Location", BulletinJson.BASE + b.id() + ".pdf");
              ApiResponses.json(ctx, 201, BulletinJson.toJson(b, List.of()));
            })
        .onFailure(e -> failed(ctx, e));
  }

  /** {@code GET /api/v1/bulletins[?series=S&period=P]}: newest first, any tenant. */
  void list(RoutingContext ctx) {
    Authentication.principal(ctx); // published bulletins are public within the platform
    String series = Params.optional(ctx, "series");
    if (series != null && Series.byId(series).isEmpty()) {
      throw ApiException.badRequest("series must be monthly, quarterly, annual or weekly");
    }
    String period = Params.optional(ctx, "period") == null ? null : Params.period(ctx).toString();
    ApiResponses.rows(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              List<Bulletin> all = store.list();
              JsonArray rows = new JsonArray();
              for (Bulletin b : all) {
                if ((series == null || series.equals(b.series()))
                    && (period == null || period.equals(b.period()))) {
                  rows.add(BulletinJson.toJson(b, correctedBy(b, all)));
                }
              }
              return rows;
            }));
  }

  /** {@code GET /api/v1/bulletins/{id}.pdf}. */
  void pdf(RoutingContext ctx) {
    file(ctx, BulletinFormat.PDF);
  }

  /** {@code GET /api/v1/bulletins/{id}.xlsx}. */
  void xlsx(RoutingContext ctx) {
    file(ctx, BulletinFormat.XLSX);
  }

  /** {@code GET /api/v1/bulletins/{id}.json}: the frozen snapshot the files were rendered from. */
  void snapshot(RoutingContext ctx) {
    Authentication.principal(ctx);
    String id = id(ctx);
    ApiResponses.when(
        ctx,
        Blocking.reads(ctx, () -> store.snapshot(bulletin(id)).orElseThrow(() -> missing(id))),
        json ->
            ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(json)));
  }

  private void file(RoutingContext ctx, BulletinFormat format) {
    Authentication.principal(ctx);
    String id = id(ctx);
    ApiResponses.when(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              Bulletin b = bulletin(id);
              return new Download(b, store.file(b, format).orElseThrow(() -> missing(id)));
            }),
        d ->
            ctx.response()
                .putHeader("Content-Type", format.contentType())
                .putHeader(
                    "Content-Disposition",
                    ContentDisposition.attachment(
                        fileName(d.bulletin(), format),
                        d.bulletin().id() + "." + format.extension()))
                .putHeader("ETag", "\"" + d.bulletin().sha256(format) + "\"")
                .putHeader("Cache-Control", "private, max-age=31536000, immutable")
                .end(Buffer.buffer(d.bytes())));
  }

  private record Download(Bulletin bulletin, byte[] bytes) {}

  /** 浙江省涉企问题高效闭环解决机制晾晒通报（2024年1月第1期）.pdf. */
  private String fileName(Bulletin b, BulletinFormat format) {
    return Wording.title(publisher.provinceName())
        + "（"
        + Wording.period(Period.parse(b.period()))
        + "第"
        + b.issueNo()
        + "期）."
        + format.extension();
  }

  private Bulletin bulletin(String id) throws Exception {
    return store.find(id).orElseThrow(() -> missing(id));
  }

  private static String id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !ID.matcher(id).matches()) {
      throw missing(String.valueOf(id));
    }
    return id;
  }

  private static ApiException missing(String id) {
    return ApiException.notFound("no bulletin '" + id + "'; GET /api/v1/bulletins lists them");
  }

  private static List<String> correctedBy(Bulletin b, List<Bulletin> all) {
    List<String> ids = new ArrayList<>();
    for (Bulletin other : all) {
      if (b.id().equals(other.corrects())) {
        ids.add(other.id());
      }
    }
    return ids;
  }

  private static PublishRequest request(JsonObject body, Principal caller) {
    for (String key : body.fieldNames()) {
      if (!FIELDS.contains(key)) {
        throw JsonBodies.invalid(
            key, "is not a bulletin field; expected period, group or groups, scheme, corrects");
      }
    }
    if (body.containsKey("group") && body.containsKey("groups")) {
      throw JsonBodies.invalid("groups", "give group or groups, not both");
    }
    List<String> groups = null;
    if (body.getValue("group") != null) {
      groups = List.of(text(body, "group"));
    } else if (body.getValue("groups") != null) {
      if (!(body.getValue("groups") instanceof JsonArray array)) {
        throw JsonBodies.invalid("groups", "must be an array of peer groups, e.g. [\"counties\"]");
      }
      groups = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        if (!(array.getValue(i) instanceof String group)) {
          throw JsonBodies.invalid("groups[" + i + "]", "must be a peer group name");
        }
        groups.add(group);
      }
    }
    return new PublishRequest(
        text(body, "period"),
        groups,
        text(body, "scheme"),
        text(body, "corrects"),
        caller.tenantCode(),
        caller.keyId());
  }

  private static String text(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.isBlank() || s.length() > 64) {
      throw JsonBodies.invalid(field, "must be a non-empty string of at most 64 characters");
    }
    return s;
  }

  /** A refused publication as 400 naming the field, or 409 naming the bulletin already there. */
  static void failed(RoutingContext ctx, Throwable e) {
    if (e instanceof PublishException p) {
      if (p.reason() == PublishException.Reason.INVALID) {
        String prefix = p.field() + ": ";
        String message = p.getMessage();
        JsonBodies.reject(
            ctx,
            JsonBodies.invalid(
                p.field(),
                message.startsWith(prefix) ? message.substring(prefix.length()) : message));
      } else {
        ApiResponses.json(
            ctx,
            CONFLICT,
            new JsonObject()
                .put("status", CONFLICT)
                .put("error", "conflict")
                .put("message", p.getMessage())
                .put("existing", p.existing()));
      }
      return;
    }
    ctx.fail(e);
  }
}
