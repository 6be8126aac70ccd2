package io.liangshai.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.governance.QualityFlag;
import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.Uscc;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.tenants.TenantRegistry;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a realistic feed of case records (SPEC §2): many tenants, several versions per case
 * written out of order, exact duplicates, late versions, enterprises that come back (recurrences),
 * overdue closings, timestamps in UTC and +08:00, and cases without a deadline. Seeded, so a size
 * and seed always give the same feed; streamed, so any size fits in memory.
 */
final class FeedGenerator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");
  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  private static final String[] TOPICS = PlantedTopic.FIXED;
  private static final int WINDOW = 5_000;

  private final List<Tenant> tenants;
  private final Random random;
  private final Instant from;
  private final Duration span;
  private final FeedGaming gaming;
  private final boolean riskByCase;
  private final long seed;
  private int problemsPercent;

  FeedGenerator(TenantRegistry registry, long seed, Instant from, Duration span) {
    this(registry, seed, from, span, false);
  }

  /**
   * A generator whose cases, when {@code riskByCase}, take a time to close that depends on the case
   * ({@link OverdueDrivers}) — and so their risk of missing the deadline; the same seed gives the
   * same cases otherwise.
   */
  FeedGenerator(
      TenantRegistry registry, long seed, Instant from, Duration span, boolean riskByCase) {
    this(
        registry.all().stream().filter(t -> t.level() != TenantLevel.PROVINCE).toList(),
        seed,
        from,
        span,
        FeedGaming.NONE,
        riskByCase);
  }

  /** A feed of {@code tenants}' cases only, gamed as {@code gaming} says. */
  FeedGenerator(
      List<Tenant> tenants,
      long seed,
      Instant from,
      Duration span,
      FeedGaming gaming,
      boolean riskByCase) {
    if (tenants.isEmpty()) {
      throw new IllegalArgumentException("a feed needs at least one tenant");
    }
    this.tenants = List.copyOf(tenants);
    this.random = new Random(seed);
    this.from = from;
    this.span = span;
    this.gaming = java.util.Objects.requireNonNull(gaming, "gaming");
    this.riskByCase = riskByCase;
    this.seed = seed;
  }

  /**
   * Descriptions that restate planted common problems (举一反三): {@code percent} of the cases state
   * one of {@link PlantedProblems#PROBLEMS} in a varied wording, the others a one-off matter; which
   * is {@link PlantedTopic#of}'s, so a test knows every case's topic without keeping the feed.
   * Without it (0) descriptions are the short fixed topics of before.
   */
  FeedGenerator withCommonProblems(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be 0–100, got " + percent);
    }
    this.problemsPercent = percent;
    return this;
  }

  /** Writes {@code cases} cases as JSON Lines; returns the number of lines written. */
  long write(long cases, Writer out) throws IOException {
    List<String> window = new ArrayList<>(WINDOW + 16);
    List<String> late = new ArrayList<>();
    long lines = 0;
    for (long i = 0; i < cases; i++) {
      Tenant tenant = tenants.get(random.nextInt(tenants.size()));
      List<Map<String, Object>> versions = versionsOf(tenant, i, cases);
      for (Map<String, Object> v : versions) {
        String line = JSON.writeValueAsString(v);
        if (random.nextInt(100) < 2 && late.size() < 100_000) {
          late.add(line);
        } else {
          window.add(line);
        }
        if (random.nextInt(100) < 3) {
          window.add(line);
        }
      }
      if (window.size() >= WINDOW) {
        lines += flush(window, out);
      }
    }
    lines += flush(window, out);
    lines += flush(late, out);
    return lines;
  }

  private long flush(List<String> lines, Writer out) throws IOException {
    Collections.shuffle(lines, random);
    for (String l : lines) {
      out.write(l);
      out.write('\n');
    }
    long n = lines.size();
    lines.clear();
    return n;
  }

  private List<Map<String, Object>> versionsOf(Tenant tenant, long index, long cases) {
    Instant received =
        from.plusSeconds((long) (random.nextDouble() * span.toSeconds()))
            .plusNanos(random.nextInt(1_000_000) * 1000L);
    String code = tenant.code();
    if (gaming.silentAt(code, received)) {
      long before = Duration.between(from, gaming.lastMonth()).toSeconds();
      received = from.plusSeconds((long) (random.nextDouble() * before));
    }
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("case_id", tenant.code() + "-" + Long.toString(index, 36));
    base.put("tenant_code", tenant.code());
    String uscc = uscc(tenant, Math.max(20, cases / tenants.size() / 3));
    base.put("enterprise_uscc", uscc);
    base.put("enterprise_name", "企业" + uscc.substring(12, 18));
    base.put(
        "channel", Channel.values()[weighted(new int[] {40, 20, 15, 8, 6, 3, 6, 2})].wireName());
    base.put(
        "category",
        Category.values()[weighted(new int[] {25, 15, 15, 10, 8, 6, 6, 5, 5, 5})].wireName());
    base.put("received_at", ts(received));
    int escalation = random.nextInt(100);
    base.put(
        "escalation_level", escalation < 90 ? "county" : escalation < 98 ? "city" : "province");
    base.put("reassigned_count", random.nextInt(100) < 8 ? 1 + random.nextInt(2) : 0);
    base.put("leader_instructed", random.nextInt(100) < 3);
    base.put("satisfaction", null);
    String topic = TOPICS[random.nextInt(TOPICS.length)];
    base.put(
        "description",
        problemsPercent == 0 ? topic : PlantedTopic.of(seed, index, problemsPercent).description());
    if (random.nextInt(100) < 70) {
      base.put("deadline", ts(received.plus(10, ChronoUnit.DAYS)));
    }

    List<Map<String, Object>> versions = new ArrayList<>();
    Instant t = received.plus(5 + random.nextInt(120), ChronoUnit.MINUTES);
    versions.add(version(base, "received", t));
    for (String status : new String[] {"assigned", "in_progress"}) {
      if (random.nextInt(100) < 60) {
        t = t.plus(1 + random.nextInt(48), ChronoUnit.HOURS);
        versions.add(version(base, status, t));
      }
    }
    int outcome = random.nextInt(100);
    boolean spike =
        gaming.games(code, QualityFlag.WITHDRAWAL_SPIKE) && gaming.inLastMonth(received);
    if (outcome < 2 || (spike && outcome < FeedGaming.WITHDRAWN_PERCENT)) {
      versions.add(version(base, "withdrawn", t.plus(1, ChronoUnit.DAYS)));
    } else if (outcome < (riskByCase ? 96 : 82)) {
      double days = Math.exp(random.nextGaussian() * 0.8 + Math.log(5) + shift(base));
      Instant closed = received.plusSeconds((long) (days * 86_400));
      if (closed.isBefore(t)) {
        closed = t.plusSeconds(60);
      }
      if (gaming.games(code, QualityFlag.INSTANT_CLOSING)
          && random.nextInt(100) < FeedGaming.INSTANT_PERCENT) {
        versions.clear();
        versions.add(version(base, "received", received));
        closed = received.plusSeconds(60 + random.nextInt(480));
      }
      Instant deadline = null;
      if (gaming.games(code, QualityFlag.CLOSED_AT_DEADLINE)
          && random.nextInt(100) < FeedGaming.NEAR_DEADLINE_PERCENT) {
        deadline = received.plus(10, ChronoUnit.DAYS);
        closed = deadline.minusSeconds(60 + random.nextInt(3_480));
      }
      Map<String, Object> v = version(base, "closed", closed);
      v.put("closed_at", ts(closed));
      if (deadline != null) {
        v.put("deadline", ts(deadline));
      }
      if (gaming.games(code, QualityFlag.CLOSED_AT_REWRITTEN)
          && random.nextInt(100) < FeedGaming.REWRITTEN_PERCENT) {
        // closed once, then closed again a day later with closed_at moved earlier (回填)
        versions.add(new LinkedHashMap<>(v));
        Instant backdated = received.plusMillis(Duration.between(received, closed).toMillis() / 2);
        v.put("updated_at", ts(closed.plus(1, ChronoUnit.DAYS)));
        v.put("closed_at", ts(backdated));
      }
      if (gaming.games(code, QualityFlag.UNIFORM_SATISFACTION)) {
        if (random.nextInt(100) < 75) {
          v.put("satisfaction", "very_satisfied");
        }
      } else if (random.nextInt(100) < 75) {
        int s = weighted(new int[] {45, 30, 12, 9, 4});
        v.put(
            "satisfaction",
            new String[] {
                  "very_satisfied",
                  "satisfied",
                  "basically_satisfied",
                  "dissatisfied",
                  "very_dissatisfied"
                }
                [s]);
      }
      versions.add(v);
    }
    return versions;
  }

  /** {@link OverdueDrivers#shift} of the case when risk depends on it, else 0. */
  private double shift(Map<String, Object> base) {
    if (!riskByCase) {
      return 0;
    }
    return OverdueDrivers.shift(
        (String) base.get("tenant_code"),
        (String) base.get("category"),
        (String) base.get("channel"),
        (String) base.get("escalation_level"),
        (Integer) base.get("reassigned_count"),
        (Boolean) base.get("leader_instructed"));
  }

  private Map<String, Object> version(Map<String, Object> base, String status, Instant updatedAt) {
    Map<String, Object> v = new LinkedHashMap<>(base);
    v.put("status", status);
    v.put("updated_at", ts(updatedAt));
    return v;
  }

  private String uscc(Tenant tenant, long pool) {
    long n = (long) (random.nextDouble() * pool);
    StringBuilder sb = new StringBuilder("91").append(tenant.code());
    String digits = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    long x = n * 2654435761L + tenant.code().hashCode();
    for (int i = 0; i < 9; i++) {
      sb.append(digits.charAt((int) Math.floorMod(x, 31)));
      x /= 31;
      x += 7 * i;
    }
    return sb.append(Uscc.checkCharacter(sb.toString())).toString();
  }

  private String ts(Instant instant) {
    ZoneOffset zone = random.nextBoolean() ? ZoneOffset.UTC : BEIJING;
    return TS.format(OffsetDateTime.ofInstant(instant, zone));
  }

  private int weighted(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
