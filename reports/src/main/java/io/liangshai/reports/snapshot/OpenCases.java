package io.liangshai.reports.snapshot;

import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.WarningQueries.StateCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 预警 section (SPEC §8): the open cases at publication by deadline state — {@code overdue},
 * {@code due_soon} (at most {@code within} PRC working days left), {@code on_track} — per city (the
 * city and its counties, as a city's warnings list counts them) and per county, worst first. Counts
 * only: no case, no description.
 *
 * @param asOf the instant the states are judged at (the publication)
 * @param within the working days that make a case due soon
 * @param cities every city, worst first
 * @param counties every county with an open case, worst first
 */
public record OpenCases(String asOf, int within, List<Row> cities, List<Row> counties) {

  public OpenCases {
    cities = List.copyOf(cities);
    counties = List.copyOf(counties);
  }

  /**
   * One tenant's open cases per state.
   *
   * @param city the code of the city a county belongs to (its own code for a city)
   * @param cityName that city's registry name
   */
  public record Row(
      String tenant,
      String name,
      String city,
      String cityName,
      long overdue,
      long dueSoon,
      long onTrack) {

    public long open() {
      return overdue + dueSoon + onTrack;
    }
  }

  /** Worst first: more overdue, then more due soon, then more open, then by code. */
  static final Comparator<Row> WORST_FIRST =
      Comparator.comparingLong((Row r) -> -r.overdue())
          .thenComparingLong(r -> -r.dueSoon())
          .thenComparingLong(r -> -r.open())
          .thenComparing(Row::tenant);

  /** The section from each tenant's own counts ({@code WarningQueries.stateCounts}). */
  public static OpenCases of(
      TenantRegistry registry, List<StateCounts> own, String asOf, int within) {
    Map<String, long[]> byCity = new HashMap<>();
    List<Row> counties = new ArrayList<>();
    for (StateCounts c : own) {
      Tenant tenant = registry.find(c.tenant()).orElse(null);
      if (tenant == null || tenant.level() == TenantLevel.PROVINCE) {
        continue;
      }
      String city =
          tenant.level() == TenantLevel.CITY ? tenant.code() : tenant.parentCode().orElseThrow();
      long[] sum = byCity.computeIfAbsent(city, k -> new long[3]);
      sum[0] += c.overdue();
      sum[1] += c.dueSoon();
      sum[2] += c.onTrack();
      if (tenant.level() == TenantLevel.COUNTY) {
        counties.add(
            new Row(
                tenant.code(),
                tenant.name(),
                city,
                registry.get(city).name(),
                c.overdue(),
                c.dueSoon(),
                c.onTrack()));
      }
    }
    List<Row> cities = new ArrayList<>();
    for (Tenant city : registry.atLevel(TenantLevel.CITY)) {
      long[] sum = byCity.getOrDefault(city.code(), new long[3]);
      cities.add(
          new Row(city.code(), city.name(), city.code(), city.name(), sum[0], sum[1], sum[2]));
    }
    cities.sort(WORST_FIRST);
    counties.sort(WORST_FIRST);
    return new OpenCases(asOf, within, cities, counties);
  }
}
