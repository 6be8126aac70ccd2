package io.liangshai.clickhouse.local.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibchdbInstallerTest {

  private static final byte[] LIBRARY =
      "\u007fELF not really a library".getBytes(StandardCharsets.UTF_8);

  @TempDir Path cache;
  @TempDir Path packages;

  @Test
  void extractsTheLibraryOfAVerifiedPackageOnce() throws IOException {
    Path tgz = tarball("package/libchdb.so", LIBRARY);
    AtomicInteger fetches = new AtomicInteger();
    LibchdbInstaller installer = verifiedInstaller(tgz, fetches, 0);

    Path installed = installer.ensureInstalled();
    installer.ensureInstalled();

    assertThat(installed).isEqualTo(cache.resolve("chdb/1.2.3/libchdb.so"));
    assertThat(Files.readAllBytes(installed)).isEqualTo(LIBRARY);
    assertThat(fetches).hasValue(1);
    try (var left = Files.list(cache.resolve("chdb/1.2.3"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("libchdb.so", ".install.lock");
    }
  }

  @Test
  void fetchesOnceWhenManyThreadsAskAtOnce() throws Exception {
    Path tgz = tarball("package/libchdb.so", LIBRARY);
    AtomicInteger fetches = new AtomicInteger();
    // each fetch takes long enough for the other threads to queue on the lock
    LibchdbInstaller installer = verifiedInstaller(tgz, fetches, 200);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> installs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        installs.add(pool.submit(installer::ensureInstalled));
      }
      for (Future<Path> install : installs) {
        assertThat(Files.readAllBytes(install.get())).isEqualTo(LIBRARY);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  void refusesAPackageWhoseIntegrityDoesNotMatchAndInstallsNothing() throws IOException {
    Path tgz = tarball("package/libchdb.so", LIBRARY);
    LibchdbInstaller installer =
        new LibchdbInstaller(
            EngineRelease.PINNED, cache, (spec, work) -> Files.copy(tgz, work.resolve("p.tgz")));

    assertThatThrownBy(installer::ensureInstalled)
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IntegrityMismatchException.class);
    assertThat(installer.libraryFile()).doesNotExist();
  }

  @Test
  void saysWhichEntryIsMissing() throws IOException {
    Path tgz = tarball("package/other.so", LIBRARY);
    LibchdbInstaller installer = verifiedInstaller(tgz, new AtomicInteger(), 0);

    assertThatThrownBy(installer::ensureInstalled)
        .rootCause()
        .hasMessageEndingWith("pack.tgz has no entry package/libchdb.so");
    assertThat(installer.libraryFile()).doesNotExist();
  }

  @Test
  void explainsWhatToDoWhenNpmIsMissing() {
    LibchdbInstaller installer =
        new LibchdbInstaller(EngineRelease.PINNED, cache, new NpmPack("/no/such/npm-binary")::pack);

    assertThatThrownBy(installer::ensureInstalled)
        .hasMessageContaining("could not install the ClickHouse engine")
        .cause()
        .hasMessageContaining("install Node.js/npm")
        .hasMessageContaining("LIANGSHAI_CLICKHOUSE_URL");
  }

  /**
   * An installer of the release {@code tgz} is (its integrity matches), whose fetch copies {@code
   * tgz}, counts itself in {@code fetches} and takes {@code fetchMillis}.
   */
  private LibchdbInstaller verifiedInstaller(Path tgz, AtomicInteger fetches, long fetchMillis)
      throws IOException {
    return new LibchdbInstaller(
        release(integrityOf(tgz)),
        cache,
        (spec, work) -> {
          fetches.incrementAndGet();
          assertThat(spec).isEqualTo("@chdb/lib-linux-x64-gnu@1.2.3");
          try {
            Thread.sleep(fetchMillis);
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
          return Files.copy(tgz, work.resolve("pack.tgz"));
        });
  }

  private static EngineRelease release(String integrity) {
    return new EngineRelease(
        "@chdb/lib-linux-x64-gnu", "1.2.3", integrity, "package/libchdb.so", "1 KB");
  }

  private Path tarball(String entryName, byte[] content) throws IOException {
    Path tgz = packages.resolve("chdb-lib.tgz");
    try (OutputStream file = Files.newOutputStream(tgz);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      TarArchiveEntry readme = new TarArchiveEntry("package/package.json");
      byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
      readme.setSize(json.length);
      tar.putArchiveEntry(readme);
      tar.write(json);
      tar.closeArchiveEntry();
      TarArchiveEntry entry = new TarArchiveEntry(entryName);
      entry.setSize(content.length);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return tgz;
  }

  private static String integrityOf(Path file) throws IOException {
    return "sha512-" + Base64.getEncoder().encodeToString(SubresourceIntegrity.sha512(file));
  }
}
