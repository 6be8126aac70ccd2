package io.liangshai.launcher.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The data directory made by the previous release ({@code src/test/resources/upgrade/}, see its
 * README): unpacked where a test wants it, and the sidecar listing what was made in it.
 */
public final class OldDataDirectory {

  static final String NAME = "data-32ae47a";

  private OldDataDirectory() {}

  /**
   * Unpacks the data directory into {@code target} (its root becomes {@code target}), symbolic
   * links as links: ClickHouse's {@code metadata/default} and {@code data/default/*} are links into
   * {@code store/}.
   */
  public static Path unpackInto(Path target) {
    try (InputStream in = resource(NAME + ".tar.gz");
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path path = inside(target, target.resolve(entry.getName()));
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Path link = Path.of(entry.getLinkName());
          inside(target, path.getParent().resolve(link));
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, link);
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("unpack " + NAME + ".tar.gz into " + target, e);
    }
  }

  private static Path inside(Path root, Path path) {
    Path normal = path.normalize();
    if (!normal.startsWith(root)) {
      throw new IllegalStateException("archive entry outside the data directory: " + path);
    }
    return normal;
  }

  /** What the sidecar lists: keys with their secrets, schemes, bulletins, the uploaded batch. */
  public static JsonNode made() {
    try (InputStream in = resource(NAME + ".json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("read " + NAME + ".json", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = OldDataDirectory.class.getResourceAsStream("/upgrade/" + name);
    if (in == null) {
      throw new IllegalStateException("test resource /upgrade/" + name + " is missing");
    }
    return in;
  }
}
