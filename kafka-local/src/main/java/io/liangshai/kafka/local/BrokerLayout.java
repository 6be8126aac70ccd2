package io.liangshai.kafka.local;

import io.liangshai.local.process.ChildProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * What a local broker keeps in its directory: its two ports (chosen once, then kept — the KRaft
 * controller's address is written into the metadata log when the storage is formatted, so a
 * restarted broker must listen where it did), {@code server.properties}, the log directory and the
 * broker's own log file.
 */
record BrokerLayout(Path dir, int brokerPort, int controllerPort) {

  /** The ports of {@code dir}, chosen and recorded on its first use. */
  static BrokerLayout of(Path dir) {
    try {
      Files.createDirectories(dir);
      Path ports = dir.resolve("ports");
      if (!Files.exists(ports)) {
        int broker;
        int controller;
        try (ServerSocket a = new ServerSocket(0);
            ServerSocket b = new ServerSocket(0)) {
          broker = a.getLocalPort();
          controller = b.getLocalPort();
        }
        Path tmp = dir.resolve("ports.tmp");
        Files.writeString(tmp, broker + " " + controller + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, ports, StandardCopyOption.ATOMIC_MOVE);
      }
      String[] recorded = Files.readString(ports, StandardCharsets.UTF_8).strip().split(" ");
      return new BrokerLayout(dir, Integer.parseInt(recorded[0]), Integer.parseInt(recorded[1]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the Kafka directory " + dir, e);
    }
  }

  Path logDir() {
    return dir.resolve("log");
  }

  Path serverProperties() {
    return dir.resolve("server.properties");
  }

  Path brokerLog() {
    return dir.resolve("broker.log");
  }

  Path log4jConfig() {
    return dir.resolve("log4j2.properties");
  }

  /** Whether the log directory has been formatted ({@code meta.properties} written). */
  boolean formatted() {
    return Files.exists(logDir().resolve("meta.properties"));
  }

  String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /**
   * Writes the broker's configuration (again on every start, so it follows this release): {@code
   * broker.properties} with this layout's ports and log directory, and {@code
   * broker-log4j2.properties} as it is.
   */
  void writeConfiguration() {
    Properties p = resource("broker.properties");
    String listeners =
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort;
    p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    p.setProperty("listeners", listeners);
    p.setProperty("advertised.listeners", listeners);
    p.setProperty("log.dirs", logDir().toString());
    write(serverProperties(), p, "the local Kafka broker (liangshai kafka-local)");
    write(
        log4jConfig(),
        resource("broker-log4j2.properties"),
        "the broker's logging: to standard output, kept in broker.log");
  }

  /** A new KRaft cluster id: 16 random bytes, URL-safe base64 without padding, as Kafka's Uuid. */
  static String newClusterId() {
    SecureRandom random = new SecureRandom();
    while (true) {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      if (!id.startsWith("-")) {
        return id;
      }
    }
  }

  /** The broker's classpath as kafka-broker's build resolved it. */
  static String brokerClasspath() {
    return ChildProcess.resolvedClassPath(
        BrokerLayout.class, "/io/liangshai/kafka/broker/classpath", LocalKafkaException::new);
  }

  private static Properties resource(String name) {
    Properties p = new Properties();
    try (InputStream in = BrokerLayout.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new LocalKafkaException("the resource " + name + " is missing from kafka-local");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return p;
  }

  private static void write(Path file, Properties p, String comment) {
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(out, comment);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
