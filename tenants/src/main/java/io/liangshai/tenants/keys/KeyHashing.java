package io.liangshai.tenants.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Keys are 256 random bits, so a single SHA-256 is the right stored form: there is nothing to
 * brute-force that a slow password hash would protect, and lookups stay cheap on every request.
 */
public final class KeyHashing {

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyHashing() {}

  public static String sha256Hex(String secret) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new secret: {@code ls_} and 43 URL-safe characters. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "ls_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String newKeyId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "k_" + HexFormat.of().formatHex(bytes);
  }
}
