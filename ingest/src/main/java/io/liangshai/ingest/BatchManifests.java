package io.liangshai.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.metadata.BatchManifestRow;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch manifest as JSON, the shape the API answers with, kept in PostgreSQL ({@link #row}) and
 * copied to the landing zone's {@code batches/}. {@code recovered} is written only when true, so
 * manifests written before it existed read as they did; an error written before errors had a {@code
 * code} reads as {@code row.invalid} with its message as the {@code reason}.
 */
final class BatchManifests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BatchManifests() {}

  static byte[] write(BatchResult r) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("batch_id", r.batchId());
    o.put("tenant", r.tenant());
    o.put("key_id", r.keyId());
    o.put("received_at", r.receivedAt().toString());
    o.put("format", r.format().name());
    o.put("bytes", r.bytes());
    o.put("sha256", r.sha256());
    o.put("accepted", r.accepted());
    o.put("ignored", r.ignored());
    o.put("rejected", r.rejected());
    if (r.recovered()) {
      o.put("recovered", true);
    }
    ArrayNode errors = o.putArray("errors");
    for (FieldError e : r.errors()) {
      ObjectNode err = errors.addObject();
      err.put("row", e.row());
      err.put("case_id", e.caseId());
      err.put("field", e.field());
      err.put("code", e.code().wireName());
      e.params().forEach(err.putObject("params")::put);
      err.put("message", e.message());
    }
    return JSON.writeValueAsBytes(o);
  }

  /**
   * {@code r}'s manifest as PostgreSQL keeps it, committed with the batch's claims: {@code json} is
   * {@code r} as {@link #write} wrote it, or as a manifest file of an older release holds it.
   */
  static BatchManifestRow row(BatchResult r, byte[] json) {
    return new BatchManifestRow(r.tenant(), r.receivedAt(), r.recovered(), json);
  }

  /**
   * The manifest file's content of a batch whose manifest PostgreSQL holds ({@code stored}, in
   * {@code jsonb}'s form): what {@link #write} wrote, byte for byte.
   */
  static byte[] fileOf(byte[] stored) throws IOException {
    return write(read(stored));
  }

  static BatchResult read(byte[] bytes) throws IOException {
    JsonNode o = JSON.readTree(bytes);
    List<FieldError> errors = new ArrayList<>();
    for (JsonNode e : o.get("errors")) {
      String message = e.get("message").asText();
      ErrorCode code = ErrorCode.byWireName(e.path("code").asText()).orElse(ErrorCode.ROW_INVALID);
      Map<String, String> params = new LinkedHashMap<>();
      if (e.has("code")) {
        e.path("params")
            .fields()
            .forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
      } else {
        params.put("reason", message);
      }
      errors.add(
          new FieldError(
              e.get("row").asInt(),
              e.get("case_id").isNull() ? null : e.get("case_id").asText(),
              e.get("field").isNull() ? null : e.get("field").asText(),
              code,
              params,
              message));
    }
    return new BatchResult(
        o.get("batch_id").asText(),
        o.get("tenant").asText(),
        o.get("key_id").asText(),
        Instant.parse(o.get("received_at").asText()),
        BatchFormat.valueOf(o.get("format").asText()),
        o.get("bytes").asLong(),
        o.get("sha256").asText(),
        o.get("accepted").asInt(),
        o.get("ignored").asInt(),
        o.get("rejected").asInt(),
        errors,
        o.path("recovered").asBoolean(false));
  }
}
