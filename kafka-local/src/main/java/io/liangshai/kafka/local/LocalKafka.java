package io.liangshai.kafka.local;

import io.liangshai.local.process.ChildProcess;
import io.liangshai.local.process.Lifetime;
import io.liangshai.local.process.LocalPorts;
import io.liangshai.local.process.ProcessSupervisor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka owned by this JVM: a real single-node KRaft broker (broker and controller in one process)
 * in a child JVM on 127.0.0.1, its log under the given directory, reachable at {@link
 * #bootstrapServers()}. Transactions and {@code read_committed} work on it (every internal topic
 * has its one replica).
 *
 * <p>The first start formats the directory (Kafka's {@code StorageTool}, a new cluster id); later
 * starts find their log and ports again. The child exits when this JVM exits, however it exits: it
 * watches its standard input ({@link BrokerMain}). {@link #close()} stops it with SIGTERM, so the
 * broker shuts down cleanly. If the child dies before {@link #close()}, a {@link ProcessSupervisor}
 * starts it again on the same directory and ports.
 */
public final class LocalKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
  static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration STOP = Duration.ofSeconds(30);
  private static final String STARTED = "Kafka Server started";
  private static final String HEAP = "-Xmx192m";

  private final BrokerLayout layout;
  private final Lifetime lifetime;
  private final ProcessSupervisor supervisor;
  private volatile Process process;

  private LocalKafka(BrokerLayout layout, Process process) {
    this.layout = layout;
    this.process = process;
    this.lifetime = new Lifetime("local-kafka-stop", this::stop);
    this.supervisor =
        new ProcessSupervisor(
            "local Kafka on port " + layout.brokerPort() + " over " + layout.dir(),
            () -> this.process.toHandle(),
            () -> relaunch().toHandle(),
            lifetime::isClosed);
  }

  /**
   * Formats {@code dir} if it is new, starts the broker and waits until it serves.
   *
   * @throws LocalKafkaException when the broker does not come up in time
   */
  public static LocalKafka start(Path dir) {
    long started = System.nanoTime();
    BrokerLayout layout = BrokerLayout.of(dir);
    layout.writeConfiguration();
    if (!layout.formatted()) {
      format(layout);
    }
    LocalKafka kafka = new LocalKafka(layout, launch(layout));
    kafka.supervisor.start();
    LOG.info(
        "local Kafka serving on {} over {} in {} ms",
        layout.bootstrapServers(),
        dir,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return kafka;
  }

  /** {@code host:port} for the clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return layout.bootstrapServers();
  }

  /** The broker's current process. */
  public ProcessHandle process() {
    return process.toHandle();
  }

  /** How many times the broker was started again after it died. */
  public int restarts() {
    return supervisor.restarts();
  }

  @Override
  public void close() {
    lifetime.close();
  }

  private void stop() {
    supervisor.stop();
    Process p = process;
    p.destroy();
    try {
      if (!p.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("the local Kafka did not stop in {}; killing it", STOP);
        p.destroyForcibly().waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  private Process relaunch() {
    Process next = launch(layout);
    if (!lifetime.ifOpen(() -> process = next)) {
      next.destroy();
    }
    return next;
  }

  private static void format(BrokerLayout layout) {
    List<String> command =
        java(
            layout,
            "kafka.tools.StorageTool",
            "format",
            "--standalone",
            "-t",
            BrokerLayout.newClusterId(),
            "-c",
            layout.serverProperties().toString());
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(layout.dir().resolve("format.log").toFile())
              .start();
      if (!p.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new LocalKafkaException(
            "formatting the Kafka log failed: "
                + Files.readString(layout.dir().resolve("format.log"), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new LocalKafkaException("cannot format the Kafka log in " + layout.logDir(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalKafkaException("interrupted while formatting the Kafka log", e);
    }
  }

  private static Process launch(BrokerLayout layout) {
    Process p;
    try {
      Files.deleteIfExists(layout.brokerLog());
      p =
          new ProcessBuilder(
                  java(layout, BrokerMain.class.getName(), layout.serverProperties().toString()))
              .redirectErrorStream(true)
              .redirectOutput(layout.brokerLog().toFile())
              .start();
    } catch (IOException e) {
      throw new LocalKafkaException("cannot start the local Kafka broker", e);
    }
    awaitServing(layout, p);
    return p;
  }

  private static void awaitServing(BrokerLayout layout, Process p) {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new LocalKafkaException(
            "the local Kafka broker exited with " + p.exitValue() + ": " + tail(layout));
      }
      if (logSays(layout, STARTED)
          && LocalPorts.accepts(layout.brokerPort(), Duration.ofMillis(200))) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new LocalKafkaException("interrupted while the local Kafka started", e);
      }
    }
    p.destroyForcibly();
    throw new LocalKafkaException(
        "the local Kafka broker did not serve within " + STARTUP + ": " + tail(layout));
  }

  private static boolean logSays(BrokerLayout layout, String line) {
    try {
      return Files.exists(layout.brokerLog())
          && Files.readString(layout.brokerLog(), StandardCharsets.UTF_8).contains(line);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static String tail(BrokerLayout layout) {
    try {
      List<String> lines = Files.readAllLines(layout.brokerLog(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no broker log)";
    }
  }

  /** A child JVM running {@code mainClass} on the broker's classpath and this module's classes. */
  private static List<String> java(BrokerLayout layout, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(HEAP);
    command.add("-XX:+UseSerialGC");
    command.add("-Djava.awt.headless=true");
    command.add("-Dlog4j2.configurationFile=" + layout.log4jConfig());
    command.add("-cp");
    command.add(
        ChildProcess.classPathOf(BrokerMain.class)
            + File.pathSeparator
            + BrokerLayout.brokerClasspath());
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }
}
