package io.liangshai.reports;

import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.time.Period;
import io.liangshai.metadata.BulletinNumbers;
import io.liangshai.metadata.MetadataStoreException;
import io.liangshai.reports.render.BulletinPdf;
import io.liangshai.reports.render.BulletinXlsx;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.BulletinSources;
import io.liangshai.reports.snapshot.Edition;
import io.liangshai.reports.snapshot.FiguresSource;
import io.liangshai.reports.snapshot.SignoffStatus;
import io.liangshai.reports.snapshot.SnapshotBuilder;
import io.liangshai.reports.snapshot.SnapshotJson;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.AuditLog;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes bulletins (晾晒通报): freezes the figures into a snapshot, renders the PDF and the XLSX
 * from that snapshot once, stores all three and records the act in the audit log. A period has one
 * bulletin per series; a correction is the next issue number naming the bulletin it corrects. Issue
 * numbers come from {@link BulletinNumbers}, each allocated in its own PostgreSQL transaction, so
 * two publishers — in one process or in several — never share one. Blocking (JDBC, rendering); a
 * failed warehouse call throws the unchecked {@link io.liangshai.warehouse.WarehouseException}, a
 * failed allocation the unchecked {@link MetadataStoreException}.
 */
public final class BulletinPublisher {

  /** The audit action of a publication. */
  public static final String AUDIT_ACTION = PublicationAudit.PUBLISH;

  /** The audit action of a scheduled publication held for sign-offs. */
  public static final String HOLD_ACTION = PublicationAudit.HOLD;

  /** {@code created_by} and audit key of scheduled publications. */
  public static final String SCHEDULER = "scheduler";

  private static final Logger LOG = LoggerFactory.getLogger(BulletinPublisher.class);

  private final TenantRegistry registry;
  private final SnapshotBuilder snapshots;
  private final BulletinStore store;
  private final BulletinNumbers numbers;
  private final PublicationChoices choices;
  private final SignoffStatus signoffs;
  private final PublicationAudit audit;
  private final Clock clock;

  public BulletinPublisher(
      TenantRegistry registry,
      FiguresSource figures,
      BulletinStore store,
      BulletinNumbers numbers,
      SchemeResolver schemes,
      AuditLog audit,
      Clock clock,
      BulletinSources sources) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.snapshots =
        new SnapshotBuilder(registry, Objects.requireNonNull(figures, "figures"), sources);
    this.store = Objects.requireNonNull(store, "store");
    this.numbers = Objects.requireNonNull(numbers, "numbers");
    this.choices = new PublicationChoices(registry, schemes, store);
    this.signoffs = sources.signoffs();
    this.audit = new PublicationAudit(audit);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The province the bulletins are about, e.g. 浙江省. */
  public String provinceName() {
    return registry.province().name();
  }

  /**
   * Publishes what {@code request} asks for.
   *
   * @throws PublishException when a field is wrong or the period already has its bulletin
   */
  public synchronized Bulletin publish(PublishRequest request) {
    Bulletin corrected = choices.corrected(request.corrects());
    Period period = PublishRequest.period(request.period(), corrected);
    List<String> groups =
        choices.groups(
            request.groups() != null
                ? request.groups()
                : corrected != null ? corrected.groups() : defaultGroups());
    Scheme scheme =
        choices.scheme(
            request.scheme() != null
                ? request.scheme()
                : corrected != null ? corrected.scheme() : "standard");
    Series series = Series.of(period.kind());
    String by = request.actorTenant() + "/" + request.actorKey();
    if (corrected != null) {
      return publish(
          series, period, groups, scheme, corrected, request.actorTenant(), request.actorKey(), by);
    }
    return onePerPeriod(
        series,
        period,
        () -> {
          List<Bulletin> existing = store.forPeriod(series.id(), period.toString());
          if (!existing.isEmpty()) {
            throw PublishException.duplicate(existing.get(0));
          }
          return publish(
              series, period, groups, scheme, null, request.actorTenant(), request.actorKey(), by);
        });
  }

  /**
   * {@code work} (which looks for the period's bulletin, then publishes it) under the period's lock
   * in the metadata database, so two processes publishing one period at once publish it once.
   */
  private <T> T onePerPeriod(Series series, Period period, Supplier<T> work) {
    try {
      return numbers.whilePublishing(series.id(), period.toString(), work);
    } catch (SQLException e) {
      throw new MetadataStoreException("lock " + series.id() + " " + period + " to publish it", e);
    }
  }

  /**
   * The scheduler's publication: the bulletin of {@code series} for {@code period}, unless the
   * period already has one (then nothing happens), so a repeated or restarted run never doubles it.
   *
   * @return the new bulletin, or empty when the period had one already
   */
  public synchronized Optional<Bulletin> publishScheduled(
      Series series, Period period, List<String> groups, String schemeRef) {
    if (series.kind() != period.kind()) {
      throw new IllegalArgumentException(period + " is not a period of series " + series.id());
    }
    return onePerPeriod(
        series,
        period,
        () -> {
          if (!store.forPeriod(series.id(), period.toString()).isEmpty()) {
            return Optional.<Bulletin>empty();
          }
          List<String> chosen =
              choices.groups(groups == null || groups.isEmpty() ? defaultGroups() : groups);
          return Optional.of(
              publish(
                  series,
                  period,
                  chosen,
                  choices.scheme(schemeRef),
                  null,
                  registry.province().code(),
                  SCHEDULER,
                  SCHEDULER));
        });
  }

  /**
   * Checks a schedule's groups and scheme as a publication would ({@code groups} may be empty for
   * the default).
   *
   * @throws PublishException naming the wrong field
   */
  public void check(List<String> groups, String schemeRef) {
    if (!groups.isEmpty()) {
      choices.groups(groups);
    }
    choices.scheme(schemeRef);
  }

  /** Whether {@code period} has its bulletin of {@code series}. */
  public boolean published(Series series, Period period) {
    return !store.forPeriod(series.id(), period.toString()).isEmpty();
  }

  /**
   * The codes of the cities and counties without a sign-off of {@code month} in force (SPEC §10),
   * as the bulletin names them; empty when this publisher is not told the sign-offs.
   */
  public Optional<List<String>> unsigned(Period month) {
    return signoffs.unsigned(registry, month).map(ts -> ts.stream().map(Tenant::code).toList());
  }

  /**
   * Records that the schedule held {@code period}'s bulletin of {@code series} for the sign-offs of
   * {@code missing} tenants, until {@code until} at the latest (audit action {@value
   * #HOLD_ACTION}).
   */
  public void recordHold(Series series, Period period, int missing, Instant until) {
    audit.held(registry.province().code(), series, period, missing, until);
  }

  /** The four standard peer groups the registry has, else every group it has. */
  public List<String> defaultGroups() {
    return choices.defaultGroups();
  }

  private Bulletin publish(
      Series series,
      Period period,
      List<String> groups,
      Scheme scheme,
      Bulletin corrected,
      String actorTenant,
      String actorKey,
      String publishedBy) {
    int issueNo = allocate(series);
    String id = String.format("%s-%04d", series.id(), issueNo);
    Instant now = Instant.ofEpochMilli(clock.millis());
    BulletinSnapshot.Correction correction =
        corrected == null
            ? null
            : new BulletinSnapshot.Correction(corrected.id(), corrected.issueNo());
    BulletinSnapshot built =
        snapshots.build(
            new Edition(
                id, series.id(), issueNo, period, groups, scheme, correction, now, publishedBy));
    byte[] json = SnapshotJson.write(built);
    BulletinSnapshot frozen = SnapshotJson.read(json); // the files come from the stored form
    byte[] pdf = BulletinPdf.render(frozen);
    byte[] xlsx = BulletinXlsx.render(frozen);
    Bulletin bulletin =
        new Bulletin(
            id,
            series.id(),
            issueNo,
            period.toString(),
            groups,
            scheme.id() + "@" + scheme.version(),
            now,
            publishedBy,
            corrected == null ? null : corrected.id(),
            BulletinStore.sha256(json),
            BulletinStore.sha256(pdf),
            BulletinStore.sha256(xlsx));
    store.insert(bulletin, json, pdf, xlsx);
    audit.published(actorTenant, actorKey, bulletin);
    LOG.info(
        "published bulletin {} ({} {}, issue {}, {} bytes of PDF)",
        id,
        series.id(),
        period,
        issueNo,
        pdf.length);
    return bulletin;
  }

  private int allocate(Series series) {
    try {
      return numbers.allocate(series.id());
    } catch (SQLException e) {
      throw new MetadataStoreException("allocate the next issue number of " + series.id(), e);
    }
  }
}
