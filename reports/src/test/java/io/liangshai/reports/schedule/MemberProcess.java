package io.liangshai.reports.schedule;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClusterMember} in a JVM of its own on this test's class path, its output in a file (so
 * it never blocks on a full pipe): the test reads the lines it printed, writes its clock, and kills
 * it or lets it stop.
 */
final class MemberProcess implements AutoCloseable {

  private static final Duration STOPPING = Duration.ofSeconds(30);

  private final Process process;
  private final Path output;
  private final Writer input;

  private MemberProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
    this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /** Starts a member with {@link ClusterMember}'s arguments; its output goes to {@code output}. */
  static MemberProcess start(Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.timezone=UTC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ClusterMember.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    return new MemberProcess(process, output);
  }

  /** Sets the member's clock and waits until it says so. */
  void setClock(Instant now, Duration within) throws IOException, InterruptedException {
    String line = ClusterMember.CLOCK + now;
    input.write(line + "\n");
    input.flush();
    awaitLine(line, within);
  }

  /**
   * Waits until the member printed {@code line}.
   *
   * @throws AssertionError with its output when it exits or takes longer than {@code within}
   */
  void awaitLine(String line, Duration within) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!Files.readAllLines(output, StandardCharsets.UTF_8).contains(line)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "the cluster member did not print "
                + line
                + (process.isAlive() ? " within " + within : " before it exited")
                + "; its output:\n"
                + Files.readString(output, StandardCharsets.UTF_8));
      }
      Thread.sleep(100);
    }
  }

  /** SIGKILL: the member dies where it is, without stopping its scheduler. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Ends its input so it stops its scheduler and exits; kills it if that takes too long. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      input.close();
    } catch (IOException e) {
      // already gone: nothing to stop
    }
    if (!process.waitFor(STOPPING.toSeconds(), TimeUnit.SECONDS)) {
      kill();
    }
  }
}
