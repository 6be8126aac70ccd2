package io.liangshai.clickhouse.local.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks a file against an npm integrity string ({@code sha512-<base64 of the SHA-512 digest>}, the
 * W3C Subresource Integrity form the npm registry publishes).
 */
public final class SubresourceIntegrity {

  private static final String PREFIX = "sha512-";

  private SubresourceIntegrity() {}

  /**
   * @throws IntegrityMismatchException when the file's digest is not {@code expected}
   */
  public static void verify(Path file, String expected) throws IOException {
    if (!expected.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "integrity must start with '" + PREFIX + "', got '" + expected + "'");
    }
    String actual = PREFIX + Base64.getEncoder().encodeToString(sha512(file));
    if (!actual.equals(expected)) {
      throw new IntegrityMismatchException(file, expected, actual);
    }
  }

  static byte[] sha512(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-512", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.digest();
  }
}
