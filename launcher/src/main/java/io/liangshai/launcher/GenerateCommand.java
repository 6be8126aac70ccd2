package io.liangshai.launcher;

import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/liangshai generate}: a realistic feed of any size. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a realistic feed of case records as JSON Lines (gzipped when FILE ends in .gz):",
      "all cities and counties, several versions per case out of order, duplicates, late versions,",
      "recurrences, overdue closings, UTC and +08:00 timestamps, cases without a deadline;",
      "--game and --silent make chosen tenants game SPEC §10's data-quality flags or go silent."
    })
class GenerateCommand implements Callable<Integer> {

  @Option(names = "--cases", description = "how many cases (default ${DEFAULT-VALUE})")
  long cases = 100_000;

  @Option(names = "--out", required = true, description = "the file to write")
  Path out;

  @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--from", description = "first day cases are received (default ${DEFAULT-VALUE})")
  LocalDate from = LocalDate.of(2024, 1, 1);

  @Option(names = "--months", description = "how many months of cases (default ${DEFAULT-VALUE})")
  int months = 3;

  @Option(
      names = "--tenants",
      split = ",",
      description = "only these cities and counties (codes, comma-separated; default all)")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--game",
      description = {
        "FLAG=TENANT[,TENANT...]: these tenants game a data-quality flag of SPEC §10 in every",
        "month (withdrawal_spike in the last month only): closed_at_rewritten,",
        "closed_at_deadline, withdrawal_spike, uniform_satisfaction, instant_closing; repeatable"
      })
  List<String> games = new ArrayList<>();

  @Option(
      names = "--silent",
      split = ",",
      description = "tenants that upload no case received in the last month (repeatable)")
  List<String> silent = new ArrayList<>();

  @Option(
      names = "--risk-by-case",
      description =
          "make the time to close, so the risk of missing the deadline, depend on the case:"
              + " category, channel, escalation, reassignments, leader instruction and tenant")
  boolean riskByCase;

  @Option(
      names = "--common-problems",
      description =
          "percent of the cases whose descriptions restate planted common problems (用地指标,"
              + " 电力增容, 政策兑现慢, 融资难, 招工难, 审批慢) in varied wording, the others one-off"
              + " matters (default ${DEFAULT-VALUE}: short fixed topics)")
  int commonProblems = 0;

  @Override
  public Integer call() throws Exception {
    if (cases < 1 || months < 1) {
      throw new IllegalArgumentException("--cases and --months must be at least 1");
    }
    var start = from.atStartOfDay(ZoneId.of("Asia/Shanghai"));
    Duration span = Duration.between(start, start.plusMonths(months));
    FeedGenerator generator =
        generator(start.toInstant(), span, start.plusMonths(months - 1))
            .withCommonProblems(commonProblems);
    long began = System.nanoTime();
    long lines;
    try (OutputStream file = Files.newOutputStream(out);
        OutputStream body =
            out.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
        Writer writer =
            new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
      lines = generator.write(cases, writer);
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    System.err.printf(
        "wrote %,d cases as %,d lines to %s in %.1f s (%,d bytes)%n",
        cases, lines, out, seconds, Files.size(out));
    return 0;
  }

  private FeedGenerator generator(Instant start, Duration span, ZonedDateTime lastMonth) {
    TenantRegistry registry = TenantRegistryLoader.loadDefault();
    if (only.isEmpty() && games.isEmpty() && silent.isEmpty()) {
      return new FeedGenerator(registry, seed, start, span, riskByCase);
    }
    List<Tenant> tenants = new ArrayList<>();
    for (Tenant t : registry.all()) {
      if (t.level() != TenantLevel.PROVINCE && (only.isEmpty() || only.contains(t.code()))) {
        tenants.add(t);
      }
    }
    FeedGaming gaming =
        new FeedGaming(FeedGaming.parse(games), Set.copyOf(silent), lastMonth.toInstant());
    for (String code : gaming.games().keySet()) {
      requireGenerated(tenants, code, "--game");
    }
    for (String code : gaming.silent()) {
      requireGenerated(tenants, code, "--silent");
    }
    return new FeedGenerator(tenants, seed, start, span, gaming, riskByCase);
  }

  private static void requireGenerated(List<Tenant> tenants, String code, String option) {
    if (tenants.stream().noneMatch(t -> t.code().equals(code))) {
      throw new IllegalArgumentException(
          option + " names " + code + ", which is not a city or county of the feed");
    }
  }
}
