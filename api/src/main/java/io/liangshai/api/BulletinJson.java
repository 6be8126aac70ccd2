package io.liangshai.api;

import io.liangshai.metadata.BulletinHolds;
import io.liangshai.reports.Bulletin;
import io.liangshai.reports.schedule.ScheduleView;
import io.liangshai.reports.schedule.SeriesSchedule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Bulletins and their schedules as JSON, snake_case like every answer of the API. */
final class BulletinJson {

  static final String BASE = "/api/v1/bulletins/";

  private BulletinJson() {}

  /** A bulletin with its checksums, file links and the corrections that name it. */
  static JsonObject toJson(Bulletin b, List<String> correctedBy) {
    return new JsonObject()
        .put("id", b.id())
        .put("series", b.series())
        .put("issue_no", b.issueNo())
        .put("period", b.period())
        .put("groups", new JsonArray(List.copyOf(b.groups())))
        .put("scheme", b.scheme())
        .put("created_at", b.createdAt().toString())
        .put("created_by", b.createdBy())
        .put("corrects", b.corrects())
        .put("corrected_by", new JsonArray(List.copyOf(correctedBy)))
        .put(
            "sha256",
            new JsonObject()
                .put("snapshot", b.snapshotSha256())
                .put("pdf", b.pdfSha256())
                .put("xlsx", b.xlsxSha256()))
        .put(
            "links",
            new JsonObject()
                .put("pdf", BASE + b.id() + ".pdf")
                .put("xlsx", BASE + b.id() + ".xlsx")
                .put("snapshot", BASE + b.id() + ".json"));
  }

  static JsonObject toJson(ScheduleView view) {
    SeriesSchedule s = view.schedule();
    return new JsonObject()
        .put("series", s.series().id())
        .put("enabled", s.enabled())
        .put("working_day", s.workingDay())
        .put("time", s.time().toString())
        .put("time_zone", "Asia/Shanghai")
        .put("groups", new JsonArray(List.copyOf(s.groups())))
        .put("scheme", s.scheme())
        .put("active_since", s.activeSince().toString())
        .put("next_period", view.nextPeriod())
        .put("next_due", text(view.nextDue()))
        .put("next_run", text(view.nextRun()))
        .put("runs", view.runs())
        .put(
            "wait_for_signoff",
            s.waitForSignoff() == null
                ? null
                : new JsonObject().put("until_day", s.waitForSignoff().untilDay()))
        .put("held", held(view.held()));
  }

  /** The publications held for sign-offs: period, since, until and who has not signed off. */
  private static JsonArray held(List<BulletinHolds.Hold> holds) {
    JsonArray rows = new JsonArray();
    for (BulletinHolds.Hold h : holds) {
      rows.add(
          new JsonObject()
              .put("period", h.period())
              .put("since", h.since().toString())
              .put("until", h.until().toString())
              .put("checked_at", h.checkedAt().toString())
              .put("missing", h.missing().size())
              .put("missing_tenants", new JsonArray(List.copyOf(h.missing()))));
    }
    return rows;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
