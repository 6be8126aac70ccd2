package io.liangshai.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a running platform's ClickHouse and PostgreSQL listen, written by {@link Platform} into
 * {@code LIANGSHAI_DATA_DIR/run/endpoints.json} (owner-only, like the data it points at) and
 * removed when it stops, so that {@code bin/liangshai backup} can reach the local servers of a
 * platform that is running on the same data directory.
 *
 * @param clickhouseJdbcUrl the warehouse's JDBC URL
 * @param postgresUrl the metadata database, {@code postgresql://USER:PASSWORD@HOST:PORT/DATABASE}
 */
record PlatformEndpoints(String clickhouseJdbcUrl, String postgresUrl) {

  private static final ObjectMapper JSON = new ObjectMapper();

  PlatformEndpoints {
    Objects.requireNonNull(clickhouseJdbcUrl, "clickhouseJdbcUrl");
    Objects.requireNonNull(postgresUrl, "postgresUrl");
  }

  static Path file(Path dataDir) {
    return dataDir.resolve("run").resolve("endpoints.json");
  }

  /** Writes these endpoints for {@code dataDir} atomically; the returned handle removes them. */
  AutoCloseable writeFor(Path dataDir) throws IOException {
    Path file = file(dataDir);
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(".endpoints.json.tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    ObjectNode o = JSON.createObjectNode();
    o.put("clickhouse_jdbc_url", clickhouseJdbcUrl);
    o.put("postgres_url", postgresUrl);
    Files.write(tmp, JSON.writeValueAsBytes(o));
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return () -> Files.deleteIfExists(file);
  }

  /** The endpoints a platform running on {@code dataDir} wrote, if one is running. */
  static Optional<PlatformEndpoints> readFor(Path dataDir) {
    Path file = file(dataDir);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      var o = JSON.readTree(file.toFile());
      return Optional.of(
          new PlatformEndpoints(
              o.get("clickhouse_jdbc_url").asText(), o.get("postgres_url").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
