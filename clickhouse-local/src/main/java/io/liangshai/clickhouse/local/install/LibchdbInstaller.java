package io.liangshai.clickhouse.local.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the pinned ClickHouse engine library is in the cache: {@code
 * <cache>/chdb/<version>/libchdb.so}. When it is not, fetches the npm package with {@code npm
 * pack}, checks the tarball against the pinned integrity, and extracts the library next to its
 * final place before an atomic rename. A file lock keeps concurrent JVMs from fetching twice.
 */
public final class LibchdbInstaller {

  private static final Logger LOG = LoggerFactory.getLogger(LibchdbInstaller.class);
  private static final Object JVM_LOCK = new Object();

  private final EngineRelease release;
  private final Path cacheDir;
  private final Fetcher fetcher;

  /** Obtains a package tarball into a scratch directory. */
  @FunctionalInterface
  public interface Fetcher {
    Path fetch(String spec, Path workDir) throws IOException;
  }

  public LibchdbInstaller(EngineRelease release, Path cacheDir, Fetcher fetcher) {
    this.release = release;
    this.cacheDir = cacheDir;
    this.fetcher = fetcher;
  }

  /** The pinned release, cached under {@link CacheDirectory#resolve()}, fetched with npm. */
  public static LibchdbInstaller standard() {
    return inCache(CacheDirectory.resolve());
  }

  public static LibchdbInstaller inCache(Path cacheDir) {
    return new LibchdbInstaller(EngineRelease.PINNED, cacheDir, new NpmPack("npm")::pack);
  }

  /** Where the library is, or will be, installed. */
  public Path libraryFile() {
    return releaseDir().resolve(release.libraryFileName());
  }

  /** Returns the installed library, fetching it first if needed. */
  public Path ensureInstalled() {
    Path library = libraryFile();
    if (Files.isRegularFile(library)) {
      return library;
    }
    try {
      Files.createDirectories(releaseDir());
      synchronized (JVM_LOCK) {
        try (FileChannel lockFile =
                FileChannel.open(
                    releaseDir().resolve(".install.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = lockFile.lock()) {
          if (!Files.isRegularFile(library)) {
            install(library);
          }
        }
      }
      return library;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not install the ClickHouse engine " + release.spec() + " into " + releaseDir(), e);
    }
  }

  private void install(Path library) throws IOException {
    LOG.info(
        "fetching ClickHouse engine {} ({}, once) into {}",
        release.spec(),
        release.downloadSize(),
        releaseDir());
    long started = System.nanoTime();
    Path work = Files.createTempDirectory(releaseDir(), "fetch-");
    try {
      Path tgz = fetcher.fetch(release.spec(), work);
      SubresourceIntegrity.verify(tgz, release.integrity());
      LOG.info("verified {}; extracting {}", release.integrity(), release.libraryEntry());
      Path partial = work.resolve(release.libraryFileName() + ".partial");
      TarballEntry.extract(tgz, release.libraryEntry(), partial);
      partial.toFile().setExecutable(true);
      Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
      LOG.info(
          "ClickHouse engine installed at {} in {} s",
          library,
          (System.nanoTime() - started) / 1_000_000_000);
    } finally {
      deleteTree(work);
    }
  }

  private Path releaseDir() {
    return cacheDir.resolve("chdb").resolve(release.version());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
