package io.liangshai.local.process.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JVM on this test's class path that owns a local server, for tests that kill the owner and watch
 * its server go. Its {@code main} prints the server's process id on a line of its own.
 */
public final class ParentJvm implements AutoCloseable {

  private final Process process;
  private final BufferedReader out;
  private long reported = -1;

  private ParentJvm(Process process) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts {@code mainClass} with {@code args}; its standard error joins its output. */
  public static ParentJvm start(Class<?> mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return new ParentJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /**
   * Reads the output up to the first line starting with {@code prefix} and returns the process id
   * after it, or -1 when the output ends first.
   */
  public long awaitPid(String prefix) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        reported = Long.parseLong(line.substring(prefix.length()).strip());
        return reported;
      }
    }
    return -1;
  }

  /**
   * Waits for the process id after {@code prefix} ({@link #awaitPid}), kills the parent ({@link
   * #kill}) and waits up to {@code within} for that process to end with it.
   *
   * @return the reported process, ended
   * @throws AssertionError when the parent reports no process id, or one already gone
   * @throws TimeoutException when the process outlives its parent by more than {@code within}
   */
  public ProcessHandle killAndAwaitExit(String prefix, Duration within)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    long pid = awaitPid(prefix);
    if (pid <= 0) {
      throw new AssertionError("the parent reported no process id (" + prefix + ")");
    }
    ProcessHandle reportedProcess =
        ProcessHandle.of(pid)
            .orElseThrow(
                () -> new AssertionError("process " + pid + " was gone before its parent"));
    kill();
    return reportedProcess.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** SIGKILL: no shutdown hook runs in the parent. Returns once it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Kills the parent and the process it reported, whatever state the test left them in. */
  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    if (reported > 0) {
      ProcessHandle.of(reported).ifPresent(ProcessHandle::destroyForcibly);
    }
    out.close();
  }
}
