package io.liangshai.ingest;

import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The manifest of a batch whose records were published but whose manifest was not (a crash in
 * between): what the landing zone still tells — the raw body's format, size and checksum, the
 * records landed, the time in the batch id — marked {@link BatchResult#recovered}.
 */
final class RecoveredManifest {

  private RecoveredManifest() {}

  /**
   * @param records the number of records the records file holds (its trailer's count)
   * @param tenants the tenants of those records
   */
  static BatchResult of(
      LandingZone landing,
      TenantRegistry registry,
      String batchId,
      int records,
      Set<String> tenants)
      throws IOException {
    BatchFormat format = BatchFormat.JSON_LINES;
    long bytes = 0;
    String sha256 = "";
    for (BatchFormat f : BatchFormat.values()) {
      Path raw = landing.rawFile(batchId, f);
      if (Files.exists(raw)) {
        format = f;
        bytes = Files.size(raw);
        sha256 = sha256(raw);
        break;
      }
    }
    return new BatchResult(
        batchId,
        commonTenant(registry, tenants),
        BatchResult.UNKNOWN_KEY,
        BatchIds.timeOf(batchId),
        format,
        bytes,
        sha256,
        records,
        0,
        0,
        List.of(),
        true);
  }

  /**
   * The most specific tenant whose scope holds every one of {@code tenants}: the uploader is that
   * tenant or one of its ancestors, so it can still read the batch. The province when none is
   * known.
   */
  static String commonTenant(TenantRegistry registry, Set<String> tenants) {
    List<String> known = tenants.stream().filter(t -> registry.find(t).isPresent()).toList();
    if (known.isEmpty()) {
      return registry.province().code();
    }
    for (Tenant candidate : registry.selfAndAncestors(known.get(0))) {
      if (known.stream().allMatch(t -> registry.isSelfOrDescendant(candidate.code(), t))) {
        return candidate.code();
      }
    }
    return registry.province().code();
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
