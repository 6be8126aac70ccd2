package io.liangshai.metadata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The manifest of one batch as the metadata keeps it ({@code batch_manifests}), committed with the
 * batch's claims ({@link VersionClaims#commit}): the columns a query may want, and the manifest
 * itself as the JSON ingest wrote, which the metadata stores without reading it.
 *
 * @param tenantCode the tenant that sent the batch
 * @param receivedAt when it was received
 * @param recovered whether the manifest was reconstructed after a crash
 * @param json the manifest, a JSON object in UTF-8
 */
public record BatchManifestRow(
    String tenantCode, Instant receivedAt, boolean recovered, byte[] json) {

  public BatchManifestRow {
    Objects.requireNonNull(tenantCode, "tenantCode");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(json, "json");
  }

  /** The manifest as text, for the {@code jsonb} column. */
  String text() {
    return new String(json, StandardCharsets.UTF_8);
  }
}
