package io.liangshai.flink.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.local.process.ChildProcess;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration STOP = Duration.ofSeconds(20);
  private static final String JOB_MANAGER =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  private static final String TASK_MANAGER =
      "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

  /** What Flink's own {@code env.java.opts.all} opens on Java 17. */
  private static final List<String> JAVA_17_OPENS =
      List.of(
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private final Path dir;
  private final String restUrl;
  private final Process jobManager;
  private final List<Process> taskManagers;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalFlinkCluster(Path dir, String restUrl, Process jobManager, List<Process> tms) {
    this.dir = dir;
    this.restUrl = restUrl;
    this.jobManager = jobManager;
    this.taskManagers = tms;
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
      int rpc = freePort();
      int rest = freePort();
      writeConfiguration(dir, tmp, rpc, rest, slots);
      Process jm = launch(dir, "jobmanager", JOB_MANAGER, List.of("-Xms512m", "-Xmx512m"));
      List<Process> tms = new ArrayList<>();
      for (int i = 1; i <= taskManagers; i++) {
        tms.add(
            launch(
                dir,
                "taskmanager-" + i,
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

  /**
   * Uploads {@code jar} and runs {@code entryClass} from it with {@code args} at {@code
   * parallelism}; the job's id.
   */
  public String submit(Path jar, String entryClass, List<String> args, int parallelism) {
    String boundary = "----liangshai" + UUID.randomUUID();
    try {
      byte[] head =
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                  + jar.getFileName()
                  + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      HttpRequest upload =
          HttpRequest.newBuilder(URI.create(restUrl + "/jars/upload"))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(
                  HttpRequest.BodyPublishers.concat(
                      HttpRequest.BodyPublishers.ofByteArray(head),
                      HttpRequest.BodyPublishers.ofFile(jar),
                      HttpRequest.BodyPublishers.ofByteArray(tail)))
              .build();
      JsonNode uploaded = send(upload, "upload " + jar.getFileName());
      String filename = Path.of(uploaded.path("filename").asText()).getFileName().toString();
      String body =
          JSON.writeValueAsString(
              Map.of(
                  "entryClass", entryClass, "programArgsList", args, "parallelism", parallelism));
      JsonNode run =
          send(
              HttpRequest.newBuilder(URI.create(restUrl + "/jars/" + filename + "/run"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              "run " + entryClass);
      return run.path("jobid").asText();
    } catch (IOException e) {
      throw new LocalFlinkException("could not submit " + jar + ": " + e.getMessage(), e);
    }
  }

  /** {@code GET path} of the REST API as JSON. */
  public JsonNode get(String path) {
    return send(HttpRequest.newBuilder(URI.create(restUrl + path)).GET().build(), "GET " + path);
  }

  private JsonNode send(HttpRequest request, String what) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new LocalFlinkException(what + ": HTTP " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new LocalFlinkException(what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalFlinkException(what + ": interrupted", e);
    }
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

  private static void writeConfiguration(Path dir, Path tmp, int rpc, int rest, int slots)
      throws IOException {
    String conf =
        String.join(
            "\n",
            "jobmanager.rpc.address: 127.0.0.1",
            "jobmanager.rpc.port: " + rpc,
            "jobmanager.bind-host: 127.0.0.1",
            "jobmanager.memory.process.size: 1024m",
            "taskmanager.host: 127.0.0.1",
            "taskmanager.bind-host: 127.0.0.1",
            "taskmanager.numberOfTaskSlots: " + slots,
            "taskmanager.cpu.cores: " + slots + ".0",
            "taskmanager.memory.framework.heap.size: 128m",
            "taskmanager.memory.task.heap.size: 384m",
            "taskmanager.memory.framework.off-heap.size: 128m",
            "taskmanager.memory.task.off-heap.size: 0m",
            "taskmanager.memory.network.min: 64m",
            "taskmanager.memory.network.max: 64m",
            "taskmanager.memory.managed.size: 128m",
            "taskmanager.memory.jvm-metaspace.size: 256m",
            "taskmanager.memory.jvm-overhead.min: 192m",
            "taskmanager.memory.jvm-overhead.max: 192m",
            "rest.address: 127.0.0.1",
            "rest.bind-address: 127.0.0.1",
            "rest.port: " + rest,
            "io.tmp.dirs: " + tmp,
            "web.tmpdir: " + tmp.resolve("web"),
            "web.upload.dir: " + tmp.resolve("upload"),
            "blob.server.port: \"0\"",
            "cluster.registration.error-delay: 500 ms",
            "heartbeat.interval: 2000",
            "heartbeat.timeout: 10000",
            "parallelism.default: 1",
            "");
    Files.writeString(dir.resolve("conf").resolve("config.yaml"), conf, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("conf").resolve("log4j.properties"),
        String.join(
            "\n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = file",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = ${sys:log.file}",
            "appender.file.append = true",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{ISO8601} %-5p %c{1} - %m%n",
            ""),
        StandardCharsets.UTF_8);
  }

  private static Process launch(Path dir, String name, String entryPoint, List<String> memory)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(memory);
    command.add("-XX:MaxMetaspaceSize=256m");
    command.addAll(JAVA_17_OPENS);
    command.add("-Dlog.file=" + dir.resolve("logs").resolve(name + ".log"));
    command.add(
        "-Dlog4j.configurationFile=file:" + dir.resolve("conf").resolve("log4j.properties"));
    command.add(
        "-Dlog4j2.configurationFile=file:" + dir.resolve("conf").resolve("log4j.properties"));
    command.add("-cp");
    command.add(ChildProcess.classPathOf(FlinkMain.class) + File.pathSeparator + classpath());
    command.add(FlinkMain.class.getName());
    command.add(entryPoint);
    command.add("--configDir");
    command.add(dir.resolve("conf").toString());
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    dir.resolve("logs").resolve(name + ".out").toFile()))
            .start();
    LOG.info("Flink {} started, pid {}", name, p.pid());
    return p;
  }

  /** The Flink runtime's classpath as this module's build resolved it. */
  static String classpath() {
    try (InputStream in =
        LocalFlinkCluster.class.getResourceAsStream("/io/liangshai/flink/local/classpath")) {
      if (in == null) {
        throw new LocalFlinkException(
            "the Flink runtime's classpath is missing (module not built)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
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
