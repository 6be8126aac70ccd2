package io.liangshai.clickhouse.local.install;

/**
 * A published build of the ClickHouse engine as a library: an npm package holding {@code
 * libchdb.so}, pinned by version and by the registry's integrity string.
 *
 * @param npmPackage the package name
 * @param version the exact version
 * @param integrity the published {@code sha512-<base64>} of the package tarball
 * @param libraryEntry the path of the library inside the tarball
 * @param downloadSize a human-readable size for the progress log
 */
public record EngineRelease(
    String npmPackage, String version, String integrity, String libraryEntry, String downloadSize) {

  /** chDB 26.5.3: the ClickHouse 26.5 engine for x86-64 Linux with glibc. */
  public static final EngineRelease PINNED =
      new EngineRelease(
          "@chdb/lib-linux-x64-gnu",
          "26.5.3",
          "sha512-fPrLmRt5Moor9yGz4mazbrNje4t7X9KB2mTGkXFWRxRBs2iKy8yh6jx11xsa0Qr3iDFMU/yHqd+bVdYJXu3QaQ==",
          "package/libchdb.so",
          "166 MB");

  public String spec() {
    return npmPackage + "@" + version;
  }

  /** The file name of the library in the cache. */
  public String libraryFileName() {
    return libraryEntry.substring(libraryEntry.lastIndexOf('/') + 1);
  }
}
