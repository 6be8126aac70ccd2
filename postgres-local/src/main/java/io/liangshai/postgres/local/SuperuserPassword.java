package io.liangshai.postgres.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The cluster's superuser password: 256 random bits made once with the cluster, kept beside it in a
 * file only this JVM's user can read (mode 0600), given to {@code initdb} and to every client. The
 * server authenticates TCP clients with SCRAM-SHA-256, never {@code trust}.
 */
final class SuperuserPassword {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SuperuserPassword() {}

  /** The stored password, made and stored now if there is none. */
  static String readOrCreate(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
      }
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      String password = HexFormat.of().formatHex(bytes);
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.deleteIfExists(partial);
      Files.createFile(
          partial,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(partial, password, StandardCharsets.US_ASCII);
      Files.move(partial, file);
      return password;
    } catch (IOException e) {
      throw new LocalPostgresException("cannot read or create the password file " + file, e);
    }
  }
}
