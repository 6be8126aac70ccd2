package io.liangshai.api;

import io.liangshai.reports.Series;
import io.liangshai.reports.schedule.BulletinScheduler;
import io.liangshai.reports.schedule.ScheduleChange;
import io.liangshai.reports.schedule.ScheduleView;
import io.liangshai.reports.schedule.SeriesSchedule;
import io.liangshai.reports.schedule.WaitForSignoff;
import io.liangshai.tenants.Principal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bulletin schedules (monthly and quarterly series): any tenant reads when the next bulletin
 * falls due; the province enables, disables and changes a series (audited as {@code
 * bulletin.schedule}, the body as detail). The scheduler runs in the launcher; until one is
 * attached the list is empty and changes get 503.
 */
final class BulletinScheduleRoutes {

  private static final Set<String> FIELDS =
      Set.of("enabled", "working_day", "time", "groups", "scheme", "wait_for_signoff");

  private final AtomicReference<BulletinScheduler> scheduler;
  private final Audit audit;

  BulletinScheduleRoutes(AtomicReference<BulletinScheduler> scheduler, Audit audit) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** {@code GET /api/v1/bulletins/schedules}. */
  void list(RoutingContext ctx) {
    Authentication.principal(ctx);
    BulletinScheduler s = scheduler.get();
    if (s == null) {
      ApiResponses.json(
          ctx, 200, new JsonObject().put("running", false).put("rows", new JsonArray()));
      return;
    }
    ApiResponses.ok(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              JsonArray rows = new JsonArray();
              s.schedules().forEach(v -> rows.add(BulletinJson.toJson(v)));
              return new JsonObject().put("running", true).put("rows", rows);
            }));
  }

  /**
   * {@code PUT /api/v1/bulletins/schedules/{series}} with any of {@code enabled}, {@code
   * working_day}, {@code time} ("HH:mm", Asia/Shanghai), {@code groups}, {@code scheme} and, for
   * the monthly series, {@code wait_for_signoff} ({@code {"until_day": 1–28}}, null to stop
   * waiting).
   */
  void update(RoutingContext ctx) {
    Principal caller = Authentication.requireProvince(ctx, "change bulletin schedules");
    Series series =
        Series.byId(ctx.pathParam("series"))
            .filter(x -> x == Series.MONTHLY || x == Series.QUARTERLY)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no bulletin schedule '"
                            + ctx.pathParam("series")
                            + "'; the scheduled series are monthly and quarterly"));
    JsonObject body = JsonBodies.object(ctx);
    ScheduleChange change = change(body);
    if (change.waitForSignoff() != null
        && change.waitForSignoff().isPresent()
        && series != Series.MONTHLY) {
      throw JsonBodies.invalid(
          "wait_for_signoff", "only the monthly series waits for sign-offs (they are of months)");
    }
    BulletinScheduler s = scheduler.get();
    if (s == null) {
      throw new ApiException(503, "the bulletin scheduler is not running in this process");
    }
    Blocking.admin(
            ctx,
            () -> {
              ScheduleView view = s.update(series, change);
              audit.record(caller, "bulletin.schedule", series.id(), body);
              return view;
            })
        .onSuccess(view -> ApiResponses.ok(ctx, BulletinJson.toJson(view)))
        .onFailure(e -> BulletinRoutes.failed(ctx, e));
  }

  private static ScheduleChange change(JsonObject body) {
    for (String key : body.fieldNames()) {
      if (!FIELDS.contains(key)) {
        throw JsonBodies.invalid(
            key,
            "is not a schedule field; expected enabled, working_day, time, groups, scheme,"
                + " wait_for_signoff");
      }
    }
    Object enabled = body.getValue("enabled");
    if (enabled != null && !(enabled instanceof Boolean)) {
      throw JsonBodies.invalid("enabled", "must be true or false");
    }
    return new ScheduleChange(
        (Boolean) enabled,
        workingDay(body.getValue("working_day")),
        time(body.getValue("time")),
        groups(body.getValue("groups")),
        scheme(body.getValue("scheme")),
        body.containsKey("wait_for_signoff") ? wait(body.getValue("wait_for_signoff")) : null);
  }

  /** {@code {"until_day": D}}, or null: stop waiting. */
  private static Optional<WaitForSignoff> wait(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject wait)) {
      throw JsonBodies.invalid(
          "wait_for_signoff", "must be {\"until_day\": 1–28}, or null to stop waiting");
    }
    for (String key : wait.fieldNames()) {
      if (!key.equals("until_day")) {
        throw JsonBodies.invalid("wait_for_signoff." + key, "is not a field; expected until_day");
      }
    }
    Object day = wait.getValue("until_day");
    if (!(day instanceof Integer d) || d < 1 || d > WaitForSignoff.MAX_DAY) {
      throw JsonBodies.invalid(
          "wait_for_signoff.until_day",
          "must be a whole number 1–"
              + WaitForSignoff.MAX_DAY
              + ": the day of the month after the period to publish on at the latest");
    }
    return Optional.of(new WaitForSignoff(d));
  }

  private static Integer workingDay(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Integer day) || day < 1 || day > SeriesSchedule.MAX_WORKING_DAY) {
      throw JsonBodies.invalid(
          "working_day", "must be a whole number 1–" + SeriesSchedule.MAX_WORKING_DAY);
    }
    return day;
  }

  private static LocalTime time(Object value) {
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof String text && text.matches("\\d{2}:\\d{2}")) {
        return LocalTime.parse(text);
      }
    } catch (DateTimeParseException e) {
      // fall through to the message below
    }
    throw JsonBodies.invalid("time", "must be HH:mm (Asia/Shanghai), e.g. 09:00");
  }

  private static List<String> groups(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      throw JsonBodies.invalid("groups", "must be an array of peer groups ([] for the default)");
    }
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String group)) {
        throw JsonBodies.invalid("groups[" + i + "]", "must be a peer group name");
      }
      groups.add(group);
    }
    return groups;
  }

  private static String scheme(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.isBlank() || s.length() > 74) {
      throw JsonBodies.invalid("scheme", "must be a scheme reference such as standard or strict@2");
    }
    return s;
  }
}
