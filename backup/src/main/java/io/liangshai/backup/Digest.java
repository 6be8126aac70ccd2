package io.liangshai.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of the files of a backup, computed while they are written and again on restore. */
final class Digest {

  private Digest() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** {@code out}, hashing what passes through into {@code digest}. */
  static OutputStream hashing(OutputStream out, MessageDigest digest) {
    return new DigestOutputStream(out, digest);
  }

  static String of(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = Files.newInputStream(file);
        OutputStream sink = hashing(OutputStream.nullOutputStream(), digest)) {
      in.transferTo(sink);
    }
    return hex(digest);
  }

  /**
   * The manifest entry of {@code file}, just written under {@code backupDir} through {@code
   * digest}: its path there, size and SHA-256.
   */
  static Manifest.Entry entry(
      String name, Path backupDir, Path file, long rows, MessageDigest digest) throws IOException {
    return new Manifest.Entry(
        name, backupDir.relativize(file).toString(), rows, Files.size(file), hex(digest));
  }
}
