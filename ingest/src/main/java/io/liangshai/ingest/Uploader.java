package io.liangshai.ingest;

import java.util.Objects;

/**
 * Who sent a batch: the tenant of the key and the key's id. Rows may be for this tenant or its
 * descendants only.
 */
public record Uploader(String tenantCode, String keyId) {

  public Uploader {
    Objects.requireNonNull(tenantCode, "tenantCode");
    Objects.requireNonNull(keyId, "keyId");
  }
}
