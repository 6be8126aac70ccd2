package io.liangshai.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where uploads of reported indicator values are kept as received: {@code indicator-values/} under
 * the landing zone's root, one file {@code <upload id>.<format>} each, ids {@code v_<UTC time to
 * the millisecond>_<8 hex digits>} growing like batch ids. The directory is the landing zone's, so
 * a backup of the zone keeps them, but none of the zone's batches: the stream job never reads it.
 * Bodies are streamed to the zone's {@code incoming/} first, whose leftovers the zone cleans.
 */
public final class IndicatorValueUploads {

  /** The directory's name under the landing zone's root. */
  public static final String DIRECTORY = "indicator-values";

  private final LandingZone landing;
  private final Path dir;
  private final BatchIds ids;

  /** The size and SHA-256 of a body as received. */
  public record Body(long bytes, String sha256) {}

  public IndicatorValueUploads(LandingZone landing) throws IOException {
    this.landing = landing;
    this.dir = Files.createDirectories(landing.root().resolve(DIRECTORY));
    this.ids = new BatchIds("v_", newest(dir));
  }

  private static Optional<String> newest(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("v_") && n.indexOf('.') == 29)
          .map(n -> n.substring(0, 29))
          .max(String::compareTo);
    }
  }

  /** A fresh file under the landing zone's {@code incoming/} for a body to be streamed to. */
  public Path newIncomingFile() throws IOException {
    return landing.newIncomingFile();
  }

  /** A new upload id, greater than every one before. */
  public String newId(Instant receivedAt) {
    return ids.next(receivedAt);
  }

  /** Where upload {@code id} in {@code format} is kept. */
  public Path file(String id, BatchFormat format) {
    return dir.resolve(id + "." + format.extension());
  }

  /** Moves {@code body} (under {@code incoming/}) durably to its place as upload {@code id}. */
  public Path keep(String id, BatchFormat format, Path body) throws IOException {
    Path target = file(id, format);
    LandingZone.publish(body, target);
    return target;
  }

  /**
   * Streams the rows of {@code body} in {@code format} (a CSV's charset as {@link TextEncoding#of}
   * decides), keyed by the wire names of {@link IndicatorValueColumns}.
   *
   * @throws UnparseableBatchException when the body cannot be read as {@code format} at all
   */
  public static Body read(
      BatchFormat format, Optional<Charset> declared, Path body, Consumer<RawRow> rows)
      throws IOException, UnparseableBatchException {
    MessageDigest sha256 = BatchIntake.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(body), sha256)) {
      if (format.isText()) {
        RowReaders.read(
            format,
            TextEncoding.of(body, format, declared),
            in,
            IndicatorValueColumns.COLUMNS,
            rows);
      } else {
        XlsxRows.read(body, IndicatorValueColumns.COLUMNS, rows);
      }
      in.transferTo(OutputStream.nullOutputStream());
    }
    return new Body(Files.size(body), HexFormat.of().formatHex(sha256.digest()));
  }
}
