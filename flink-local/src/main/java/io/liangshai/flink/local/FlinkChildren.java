package io.liangshai.flink.local;

import io.liangshai.local.process.ChildProcess;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's child JVMs: their configuration ({@code conf/config.yaml} with every memory option
 * Flink's scripts would compute, set explicitly; a log4j file appender), their command lines (the
 * Java 17 opens of Flink's own {@code env.java.opts.all}) and their classpath.
 */
final class FlinkChildren {

  private static final Logger LOG = LoggerFactory.getLogger(FlinkChildren.class);

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

  /** The name of TaskManager N is {@code taskmanager-N}, also its resource id. */
  static final String TASK_MANAGER_PREFIX = "taskmanager-";

  private FlinkChildren() {}

  static void writeConfiguration(Path dir, Path tmp, int rpc, int rest, int slots)
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
            "metrics.fetcher.update-interval: 1000",
            // A job's slots spread over the TaskManagers, so losing one leaves the survivor to
            // run it again rather than, by chance, nothing to lose at all.
            "taskmanager.load-balance.mode: slots",
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

  static Process launch(Path dir, String name, String entryPoint, List<String> memory)
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
    if (name.startsWith(TASK_MANAGER_PREFIX)) {
      // Its resource id is its name, so the REST API's answers name the process.
      command.add("-D");
      command.add("taskmanager.resource-id=" + name);
    }
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
    return ChildProcess.resolvedClassPath(
        LocalFlinkCluster.class, "/io/liangshai/flink/local/classpath", LocalFlinkException::new);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
