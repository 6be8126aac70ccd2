package io.liangshai.api;

import io.liangshai.ingest.BatchResult;
import io.vertx.core.json.JsonObject;

/** A batch's outcome as the upload's answer and its audit row both show it. */
final class BatchJson {

  private BatchJson() {}

  /**
   * Its size, digest and line counts, and {@code "recovered": true} when its manifest was
   * reconstructed at start ({@link BatchResult#recovered}).
   */
  static JsonObject outcome(BatchResult r) {
    JsonObject json =
        new JsonObject()
            .put("bytes", r.bytes())
            .put("sha256", r.sha256())
            .put("accepted", r.accepted())
            .put("ignored", r.ignored())
            .put("rejected", r.rejected());
    return r.recovered() ? json.put("recovered", true) : json;
  }
}
