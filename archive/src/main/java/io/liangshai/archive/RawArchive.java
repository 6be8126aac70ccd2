package io.liangshai.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where every accepted raw body and its manifest are kept beyond the instance that received them,
 * under keys relative to the landing zone ({@code raw/BATCH.EXT}, {@code batches/BATCH.json},
 * {@code indicator-values/…}): S3-compatible object storage in production ({@link S3RawArchive}),
 * or a directory every instance mounts ({@link DirectoryRawArchive}). What it holds is written once
 * and never changed — a batch id is never reused — so storing a key again stores the same bytes.
 */
public interface RawArchive extends AutoCloseable {

  /** Where it is, for messages and logs: {@code s3://BUCKET/PREFIX} or a directory. */
  String location();

  /** Stores the bytes of {@code file} under {@code key}, durably, before returning. */
  void put(String key, Path file) throws IOException;

  /**
   * Every key that starts with {@code prefix} (e.g. {@code batches/}), in key order: whole
   * listings, however many pages the store answers in.
   */
  List<String> keys(String prefix) throws IOException;

  /**
   * Writes what is stored under {@code key} to {@code target} (replacing it).
   *
   * @throws java.io.FileNotFoundException when nothing is stored under {@code key}
   */
  void copyTo(String key, Path target) throws IOException;

  @Override
  void close();
}
