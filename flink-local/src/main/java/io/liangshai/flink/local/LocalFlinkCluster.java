package io.liangshai.flink.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink session cluster on 127.0.0.1 owned by this JVM: one JobManager and {@code n}
 * TaskManagers, each a child JVM ({@link FlinkMain}) on the Flink runtime's classpath as this
 * module's build resolved it — never the platform's, so a job jar's own connectors do not meet a
 * second copy — with the memory options Flink's scripts would compute set explicitly, logs and
 * temporary files under the cluster's directory. Each child ends with this JVM. Jobs are submitted
 * as jars through the JobManager's REST API, as to any Flink cluster.
 */
public final class LocalFlinkCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalFlinkCluster.class);
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration STOP = Duration.ofSeconds(20);
  private static final String JOB_MANAGER =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  private static final String TASK_MANAGER =
      "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

  private final Path dir;
  private final String restUrl;
  private final Process jobManager;
  private final List<Process> taskManagers;
  private final FlinkRest rest;

  private LocalFlinkCluster(Path dir, String restUrl, Process jobManager, List<Process> tms) {
    this.dir = dir;
    this.restUrl = restUrl;
    this.jobManager = jobManager;
    this.taskManagers = tms;
    this.rest = new FlinkRest(restUrl);
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers of {@code slots} slots each over
   * {@code dir}, and waits until every TaskManager has registered.
   */
  public static LocalFlinkCluster start(Path dir, int taskManagers, int slots) {
    long started = System.nanoTime();
    try {
      Files.createDirectories(dir.resolve("conf"));
      Files.createDirectories(dir.resolve("logs"));
      Path tmp = dir.resolve("tmp-" + UUID.randomUUID().toString().substring(0, 8));
      Files.createDirectories(tmp);
      int rpc = FlinkChildren.freePort();
      int rest = FlinkChildren.freePort();
      FlinkChildren.writeConfiguration(dir, tmp, rpc, rest, slots);
      Process jm =
          FlinkChildren.launch(dir, "jobmanager", JOB_MANAGER, List.of("-Xms512m", "-Xmx512m"));
      List<Process> tms = new ArrayList<>();
      for (int i = 1; i <= taskManagers; i++) {
        tms.add(
            FlinkChildren.launch(
                dir,
                FlinkChildren.TASK_MANAGER_PREFIX + i,
                TASK_MANAGER,
                List.of("-Xms512m", "-Xmx512m", "-XX:MaxDirectMemorySize=192m")));
      }
      LocalFlinkCluster cluster =
          new LocalFlinkCluster(dir, "http://127.0.0.1:" + rest, jm, List.copyOf(tms));
      try {
        cluster.awaitTaskManagers(taskManagers);
      } catch (RuntimeException e) {
        cluster.close();
        throw e;
      }
      LOG.info(
          "local Flink session cluster: REST {}, {} TaskManagers × {} slots, in {} ms",
          cluster.restUrl,
          taskManagers,
          slots,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JobManager's REST API, {@code http://127.0.0.1:PORT}. */
  public String restUrl() {
    return restUrl;
  }

  public ProcessHandle jobManager() {
    return jobManager.toHandle();
  }

  public List<ProcessHandle> taskManagers() {
    return taskManagers.stream().map(Process::toHandle).toList();
  }

  /** A TaskManager that runs a task of {@code job} now. */
  public ProcessHandle busyTaskManager(String job) {
    return taskManagers.get(rest.busyTaskManager(job) - 1).toHandle();
  }

  /** The cluster's REST API: submit, stop with a savepoint, read. */
  public FlinkRest rest() {
    return rest;
  }

  /** {@link FlinkRest#submit(Path, String, List, int)} on this cluster. */
  public String submit(Path jar, String entryClass, List<String> args, int parallelism) {
    return rest.submit(jar, entryClass, args, parallelism);
  }

  /** {@link FlinkRest#get} on this cluster. */
  public JsonNode get(String path) {
    return rest.get(path);
  }

  private void awaitTaskManagers(int n) {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (true) {
      if (!jobManager.isAlive()) {
        throw new LocalFlinkException(
            "the JobManager exited with " + jobManager.exitValue() + "; see " + log("jobmanager"));
      }
      try {
        if (get("/taskmanagers").path("taskmanagers").size() >= n) {
          return;
        }
      } catch (LocalFlinkException e) {
        // not serving yet
      }
      if (System.nanoTime() > deadline) {
        throw new LocalFlinkException(
            n + " TaskManagers did not register in " + STARTUP + "; see " + dir.resolve("logs"));
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalFlinkException("interrupted while the cluster started", e);
      }
    }
  }

  private Path log(String name) {
    return dir.resolve("logs").resolve(name + ".log");
  }

  /** Stops every TaskManager, then the JobManager (SIGTERM, then kill after a grace). */
  @Override
  public void close() {
    List<Process> all = new ArrayList<>(taskManagers);
    all.add(jobManager);
    for (Process p : all) {
      p.destroy();
    }
    for (Process p : all) {
      try {
        if (!p.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}
