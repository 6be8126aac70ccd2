package io.liangshai.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The landing zone in a backup ({@code landing/...}): every accepted byte — raw bodies, records,
 * manifests, the refusal journal — copied file by file. Published files appear whole (atomic
 * rename) and never change; the journals under {@code audit/} only grow, so of them only the whole
 * lines present when the copy reads them are taken.
 *
 * <p>Left out: {@code incoming/} and hidden {@code .*} files (bodies and writes not accepted yet,
 * which the landing zone deletes at start anyway) and the file-based version index ({@code
 * version-index.mv}, rebuilt from the records at start).
 */
final class LandingFiles {

  static final String DIR = "landing";
  private static final String JOURNALS = "audit";

  private LandingFiles() {}

  static List<Manifest.Entry> copy(Path landing, Path backupDir) throws IOException {
    List<Manifest.Entry> entries = new ArrayList<>();
    if (!Files.isDirectory(landing)) {
      return entries;
    }
    Path target = backupDir.resolve(DIR);
    for (Path file : files(landing)) {
      Path relative = landing.relativize(file);
      Path copy = target.resolve(relative.toString());
      Files.createDirectories(copy.getParent());
      MessageDigest digest = Digest.sha256();
      try (InputStream in = Files.newInputStream(file);
          OutputStream out = Digest.hashing(Files.newOutputStream(copy), digest)) {
        if (relative.getName(0).toString().equals(JOURNALS)) {
          out.write(wholeLines(in.readAllBytes()));
        } else {
          in.transferTo(out);
        }
      }
      entries.add(Digest.entry(relative.toString(), backupDir, copy, -1, digest));
    }
    return entries;
  }

  /** Refuses a landing zone that holds any file. */
  static void requireEmpty(Path landing) throws IOException {
    if (!Files.exists(landing)) {
      return;
    }
    try (Stream<Path> all = Files.walk(landing)) {
      Path first = all.filter(Files::isRegularFile).findFirst().orElse(null);
      if (first != null) {
        throw new BackupException(
            "the landing zone "
                + landing
                + " is not empty (it holds "
                + landing.relativize(first)
                + "); restore or rebuild only into an empty data directory");
      }
    }
  }

  static void restore(Path backupDir, Manifest manifest, Path landing) throws IOException {
    Path root = landing.toAbsolutePath().normalize();
    for (Manifest.Entry entry : manifest.landing()) {
      Path target = root.resolve(entry.name()).normalize();
      if (!target.startsWith(root)) {
        throw new BackupException("landing file " + entry.name() + " lies outside the zone");
      }
      Files.createDirectories(target.getParent());
      Files.copy(backupDir.resolve(entry.file()), target);
    }
  }

  /**
   * The files to copy, sorted. A hidden temporary renamed or an incoming body deleted while the
   * tree is read is no longer there to stat: skipped, as it would have been anyway.
   */
  private static List<Path> files(Path landing) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        landing,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.equals(landing) || included(landing.relativize(dir))
                ? FileVisitResult.CONTINUE
                : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && included(landing.relativize(file))) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
    files.sort(null);
    return files;
  }

  private static boolean included(Path relative) {
    if (relative.getName(0).toString().equals("incoming")) {
      return false;
    }
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    return !relative.getFileName().toString().startsWith("version-index.mv");
  }

  private static byte[] wholeLines(byte[] content) {
    int end = content.length;
    while (end > 0 && content[end - 1] != '\n') {
      end--;
    }
    return end == content.length ? content : Arrays.copyOf(content, end);
  }
}
