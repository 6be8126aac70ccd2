package io.liangshai.clickhouse.local.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fetches a package tarball from the npm registry with the {@code npm} client: {@code npm pack}.
 */
final class NpmPack {

  private static final long TIMEOUT_MINUTES = 15;

  private final String npm;

  NpmPack(String npm) {
    this.npm = npm;
  }

  /** Runs {@code npm pack SPEC} in {@code workDir} and returns the tarball it wrote there. */
  Path pack(String spec, Path workDir) throws IOException {
    Path log = workDir.resolve("npm-pack.log");
    Process process;
    try {
      process =
          new ProcessBuilder(List.of(npm, "pack", spec, "--silent"))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IOException(
          "cannot run '"
              + npm
              + "' to fetch the ClickHouse engine ("
              + spec
              + "): install Node.js/npm (Debian: apt-get install npm), or set"
              + " LIANGSHAI_CLICKHOUSE_URL to use an existing ClickHouse server",
          e);
    }
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(
            "npm pack " + spec + " did not finish in " + TIMEOUT_MINUTES + " min");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + spec, e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "npm pack "
              + spec
              + " failed with exit code "
              + process.exitValue()
              + ": "
              + Files.readString(log, StandardCharsets.UTF_8).strip());
    }
    try (Stream<Path> files = Files.list(workDir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".tgz"))
          .findFirst()
          .orElseThrow(() -> new IOException("npm pack " + spec + " wrote no .tgz in " + workDir));
    }
  }
}
