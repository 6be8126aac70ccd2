package io.liangshai.clickhouse.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Waiting for a starting ClickHouse child of {@link LocalClickHouse}: for the port it writes to its
 * port file, then for its {@code /ping}; a child that dies meanwhile is reported with its last
 * output.
 */
final class ChildStartup {

  private ChildStartup() {}

  static int awaitPort(
      Process process, Path portFile, LocalClickHouseConfig config, ChildOutput output) {
    long deadline = System.nanoTime() + config.startupTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(portFile)) {
        try {
          return Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
          throw new LocalClickHouseException("unreadable port file " + portFile, e);
        }
      }
      if (!process.isAlive()) {
        throw childDied(process, config, output);
      }
      sleep(50);
    }
    throw new LocalClickHouseException(
        "local ClickHouse did not start within "
            + config.startupTimeout()
            + "; last output: "
            + String.join(" | ", output.lastLines()));
  }

  private static LocalClickHouseException childDied(
      Process process, LocalClickHouseConfig config, ChildOutput output) {
    sleep(200); // let the output thread drain the last lines
    List<String> lines = output.lastLines();
    if (lines.stream().anyMatch(l -> l.contains("Cannot lock file"))) {
      return new DataDirectoryLockedException(config.dataDir());
    }
    return new LocalClickHouseException(
        "local ClickHouse child exited with status "
            + process.exitValue()
            + " while starting over "
            + config.dataDir()
            + "; last output: "
            + String.join(" | ", lines));
  }

  static void awaitPing(Process process, int port, LocalClickHouseConfig config) {
    long deadline = System.nanoTime() + config.startupTimeout().toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (ping(port)) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      sleep(50);
    }
    throw new LocalClickHouseException(
        "local ClickHouse on port " + port + " does not answer /ping", last);
  }

  private static boolean ping(int port) throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + port + "/ping").toURL().openConnection();
    connection.setConnectTimeout(1000);
    connection.setReadTimeout(5000);
    try (InputStream in = connection.getInputStream()) {
      return connection.getResponseCode() == 200
          && new String(in.readAllBytes(), StandardCharsets.UTF_8).startsWith("Ok.");
    } finally {
      connection.disconnect();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalClickHouseException("interrupted while starting the local ClickHouse", e);
    }
  }
}
