package io.liangshai.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * {@code manifest.json} of a backup directory: what was copied, when, from which schema versions,
 * with each file's size, SHA-256 and (for a table) row count. It is written last, so a directory
 * without it is a backup that did not finish.
 *
 * @param format the layout of the backup directory ({@link #FORMAT})
 * @param startedAt when the copy began (ISO-8601, UTC)
 * @param finishedAt when the last file was copied
 * @param clickhouseSchema the warehouse's applied schema versions ({@code schema_migrations})
 * @param postgresSchema the metadata's Flyway version
 * @param clickhouse the ClickHouse tables, in the order they were copied (Native format)
 * @param postgres the PostgreSQL tables, copied in one snapshot (COPY text format)
 * @param landing the landing zone's files, copied last
 * @param notCopied what is deliberately left out and how a restore gets it back
 */
public record Manifest(
    int format,
    String startedAt,
    String finishedAt,
    List<Integer> clickhouseSchema,
    String postgresSchema,
    List<Entry> clickhouse,
    List<Entry> postgres,
    List<Entry> landing,
    List<String> notCopied) {

  public static final int FORMAT = 1;
  public static final String FILE = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Manifest {
    clickhouseSchema = List.copyOf(clickhouseSchema);
    Objects.requireNonNull(postgresSchema, "postgresSchema");
    clickhouse = List.copyOf(clickhouse);
    postgres = List.copyOf(postgres);
    landing = List.copyOf(landing);
    notCopied = List.copyOf(notCopied);
  }

  /**
   * One copied table or file.
   *
   * @param name the table, or the file's path under the landing zone
   * @param file the file's path under the backup directory
   * @param rows the table's rows (-1 for a landing file)
   * @param bytes the file's size
   * @param sha256 the file's SHA-256, hex
   */
  public record Entry(String name, String file, long rows, long bytes, String sha256) {}

  /** Writes {@code manifest.json} into {@code dir} whole (a temporary renamed over it). */
  void write(Path dir) throws IOException {
    Path tmp = dir.resolve("." + FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads the manifest of the backup in {@code dir}.
   *
   * @throws BackupException when there is none (an unfinished backup) or it cannot be read
   */
  static Manifest read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new BackupException(
          dir
              + " is not a complete backup: it has no "
              + FILE
              + " (a backup writes it last; this one did not finish, or the directory is wrong)");
    }
    try {
      Manifest manifest = JSON.readValue(file.toFile(), Manifest.class);
      if (manifest.format() != FORMAT) {
        throw new BackupException(
            file + " is in backup format " + manifest.format() + ", this release reads " + FORMAT);
      }
      return manifest;
    } catch (IOException e) {
      throw new BackupException(file + " cannot be read: " + e.getMessage(), e);
    }
  }
}
