package io.liangshai.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the house: where SQL may live, what {@code core} may import, which modules
 * may not know each other, who reads the system clock, and how long a class may grow. The launcher
 * sees every module, so its tests analyse all of the platform's production classes (test classes
 * and test-jars excluded).
 *
 * <p><b>A framework</b>, for {@code core}, is a library that brings a runtime or a world of its own
 * that the domain would then be written against: Apache Flink, Vert.x, Quartz, JasperReports,
 * Apache POI, PDFBox, Micrometer, picocli, JDBC ({@code java.sql}, {@code javax.sql}) and its
 * drivers and pools (ClickHouse's, H2, HikariCP), and the Log4j implementation. Libraries that only
 * serve the domain's code are allowed in {@code core}: Jackson (it reads and writes the wire
 * formats there today), SLF4J, and the JDK.
 */
@AnalyzeClasses(
    packages = "io.liangshai",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      ProductionCodeArchitectureTest.DoNotIncludeTestJars.class
    })
class ProductionCodeArchitectureTest {

  /** The most source lines a production class may have. */
  static final int MAX_LINES = 300;

  @ArchTest
  static final ArchRule API_HAS_NO_SQL =
      noClasses()
          .that()
          .resideInAPackage("io.liangshai.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..")
          .because(
              "SQL lives in warehouse, one class per table; routes parse, authorise, call and"
                  + " answer");

  @ArchTest
  static final ArchRule CORE_USES_NO_FRAMEWORK =
      noClasses()
          .that()
          .resideInAPackage("io.liangshai.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.flink..",
              "io.vertx..",
              "org.quartz..",
              "net.sf.jasperreports..",
              "org.apache.poi..",
              "org.apache.pdfbox..",
              "io.micrometer..",
              "picocli..",
              "java.sql..",
              "javax.sql..",
              "com.clickhouse..",
              "org.h2..",
              "com.zaxxer.hikari..",
              "org.apache.logging.log4j..")
          .because("core is the domain: plain Java, Jackson and SLF4J only");

  @ArchTest
  static final ArchRule INGEST_DOES_NOT_KNOW_THE_JOB =
      noClasses()
          .that()
          .resideInAPackage("io.liangshai.ingest..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.liangshai.stream..")
          .because("the landing-file contract they share lives in core");

  @ArchTest
  static final ArchRule THE_JOB_DOES_NOT_KNOW_INGEST =
      noClasses()
          .that()
          .resideInAPackage("io.liangshai.stream..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.liangshai.ingest..")
          .because("the landing-file contract they share lives in core");

  @ArchTest
  static final ArchRule NOTHING_DEPENDS_ON_THE_LAUNCHER =
      noClasses()
          .that()
          .resideInAPackage("io.liangshai..")
          .and()
          .resideOutsideOfPackage("io.liangshai.launcher..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.liangshai.launcher..")
          .because("the launcher is the composition root: it builds the others, never the reverse");

  /**
   * The services the composition root ({@code Services}) wires are given its one clock: they never
   * read the system's time themselves, so a test can hand them a fixed one and every part of a
   * request sees the same time. (The warehouse's outage probe and the Flink job, which run their
   * own threads outside the root's wiring, are not covered.)
   */
  @ArchTest
  static final ArchRule SERVICES_ARE_GIVEN_THEIR_CLOCK =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.liangshai.api..",
              "io.liangshai.reports..",
              "io.liangshai.tenants..",
              "io.liangshai.ingest..")
          .should()
          .callMethod(Clock.class, "systemUTC")
          .orShould()
          .callMethod(Clock.class, "systemDefaultZone")
          .orShould()
          .callMethod(Clock.class, "system", ZoneId.class)
          .orShould()
          .callMethod(Instant.class, "now")
          .because("the launcher builds every service once, over one clock, and hands it to them");

  @Test
  void noProductionClassIsOverThreeHundredLines() throws IOException {
    Path root = projectRoot();
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(root)) {
      tooLong =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(
                  p ->
                      root.relativize(p)
                          .toString()
                          .replace('\\', '/')
                          .matches("[^/]+/src/main/java/.*"))
              .filter(p -> lines(p) > MAX_LINES)
              .map(p -> root.relativize(p) + " (" + lines(p) + " lines)")
              .sorted()
              .toList();
    }
    assertThat(tooLong)
        .as("production classes over %d source lines: split them", MAX_LINES)
        .isEmpty();
  }

  /** Every module's sources were walked: the rule cannot pass by looking at nothing. */
  @Test
  void theLineRuleSeesEveryModule() throws IOException {
    Path root = projectRoot();
    for (String module :
        List.of("core", "warehouse", "tenants", "ingest", "stream-jobs", "reports", "api")) {
      try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
        assertThat(files.filter(p -> p.toString().endsWith(".java")).count())
            .as("java files of %s", module)
            .isPositive();
      }
    }
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("launcher/src/main/java"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the project root above %s", Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Leaves out the modules' test-jars, which sit on the launcher's test classpath as jars. */
  static final class DoNotIncludeTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }
  }
}
