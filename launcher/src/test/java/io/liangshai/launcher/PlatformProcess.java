package io.liangshai.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code bin/liangshai run} as a separate process, to be stopped politely or killed with -9. */
final class PlatformProcess implements AutoCloseable {

  private static final Pattern URL = Pattern.compile("web page\\s+(http://\\S+?)/\\s");

  private final Process process;
  private final List<ProcessHandle> children;
  private final String baseUrl;

  private PlatformProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.children = process.descendants().toList();
  }

  /** Starts the launcher built in {@code target/} with {@code dataDir}; waits until it serves. */
  static PlatformProcess start(Path dataDir, String adminKey, Path log) throws Exception {
    return start(dataDir, adminKey, log, Map.of());
  }

  /** As {@link #start(Path, String, Path)}, with more environment variables (e.g. a fault hook). */
  static PlatformProcess start(Path dataDir, String adminKey, Path log, Map<String, String> env)
      throws Exception {
    return start(dataDir, adminKey, log, env, Role.ALL);
  }

  /**
   * {@code bin/liangshai run --role role}; waits until it runs (for a role that serves HTTP, until
   * it serves). A {@link Role#JOB} process has no {@link #baseUrl}.
   */
  static PlatformProcess start(
      Path dataDir, String adminKey, Path log, Map<String, String> env, Role role)
      throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    String classpath =
        target.resolve("liangshai-launcher.jar")
            + File.pathSeparator
            + target.resolve("lib")
            + "/*";
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g",
            "-cp",
            classpath,
            "io.liangshai.launcher.Liangshai",
            "run",
            "--role",
            role.toString());
    pb.environment().put("LIANGSHAI_DATA_DIR", dataDir.toString());
    pb.environment().put("LIANGSHAI_HTTP_PORT", "0");
    pb.environment().put("LIANGSHAI_ADMIN_KEY", adminKey);
    pb.environment().remove("LIANGSHAI_CLICKHOUSE_URL");
    pb.environment().remove("LIANGSHAI_FAULT");
    pb.environment().putAll(env);
    Files.createDirectories(log.getParent());
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "the platform exited with " + p.exitValue() + ":\n" + tail(log));
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      Matcher m = URL.matcher(out);
      String url = null;
      while (m.find()) {
        url = m.group(1);
      }
      if ((url != null || !role.servesHttp()) && out.contains("liangshai is running")) {
        return new PlatformProcess(p, url);
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new IllegalStateException("the platform did not start in time:\n" + tail(log));
  }

  String baseUrl() {
    if (baseUrl == null) {
      throw new IllegalStateException("this platform process serves no HTTP");
    }
    return baseUrl;
  }

  /** SIGKILL: no shutdown hook runs. Waits until it and everything it started are gone. */
  void killHard() throws Exception {
    List<ProcessHandle> all = process.descendants().toList();
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    for (ProcessHandle child : all) {
      child.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Waits until the platform has exited by itself (and everything it started is gone); its exit
   * status.
   */
  int awaitExit(Duration timeout) throws Exception {
    List<ProcessHandle> all = process.descendants().toList();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the platform is still running after " + timeout);
    }
    for (ProcessHandle child : all) {
      child.onExit().get(30, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  List<ProcessHandle> childrenAtStart() {
    return children;
  }

  /** The local ClickHouse child running now (its supervisor may have replaced the first one). */
  java.util.Optional<ProcessHandle> clickHouseChild() {
    return process
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                h.info().arguments().stream()
                    .flatMap(java.util.Arrays::stream)
                    .anyMatch(a -> a.endsWith("ChdbServerMain")))
        .findFirst();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      List<ProcessHandle> all = process.descendants().toList();
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle child : all) {
        child.onExit().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
