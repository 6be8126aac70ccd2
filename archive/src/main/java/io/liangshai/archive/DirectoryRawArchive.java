package io.liangshai.archive;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link RawArchive} in a directory, e.g. a network file system every instance mounts: a key is a
 * relative path, written under a hidden temporary name, fsynced and renamed, so a key that is
 * listed is whole.
 */
public final class DirectoryRawArchive implements RawArchive {

  private final Path root;

  public DirectoryRawArchive(Path root) throws IOException {
    this.root = Files.createDirectories(root.toAbsolutePath().normalize());
  }

  @Override
  public String location() {
    return root.toString();
  }

  @Override
  public void put(String key, Path file) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
    try {
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public List<String> keys(String prefix) throws IOException {
    int slash = prefix.lastIndexOf('/');
    Path dir = slash < 0 ? root : resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(k -> k.startsWith(prefix))
          .sorted()
          .toList();
    }
  }

  @Override
  public void copyTo(String key, Path target) throws IOException {
    Path source = resolve(key);
    if (!Files.isRegularFile(source)) {
      throw new FileNotFoundException(key + " is not in the archive " + root);
    }
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private Path resolve(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalArgumentException("not a key of the archive: " + key);
    }
    return p;
  }

  @Override
  public void close() {}
}
