package io.liangshai.launcher.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an upload of one file has sent so far, kept next to it as {@code FILE.upload.json}: each
 * part's checksum and the batch the server made of it. A re-run skips a part whose checksum is
 * recorded with a batch id; the server would ignore its rows as duplicates anyway.
 */
public final class UploadState {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A part the server has taken. */
  public record Sent(String sha256, String batchId, int accepted, int ignored, int rejected) {}

  private final Path file;
  private final String url;
  private final Map<String, Sent> sent = new LinkedHashMap<>();

  private UploadState(Path file, String url) {
    this.file = file;
    this.url = url;
  }

  public static Path fileFor(Path input) {
    return input.resolveSibling(input.getFileName() + ".upload.json");
  }

  /**
   * The state of {@code input}'s upload to {@code url}; empty when none was kept or another URL.
   */
  public static UploadState load(Path input, String url) throws IOException {
    UploadState state = new UploadState(fileFor(input), url);
    if (Files.exists(state.file)) {
      JsonNode root = JSON.readTree(state.file.toFile());
      if (url.equals(root.path("url").asText())) {
        for (JsonNode p : root.path("parts")) {
          Sent s =
              new Sent(
                  p.get("sha256").asText(),
                  p.get("batch_id").asText(),
                  p.path("accepted").asInt(),
                  p.path("ignored").asInt(),
                  p.path("rejected").asInt());
          state.sent.put(s.sha256(), s);
        }
      }
    }
    return state;
  }

  public Optional<Sent> find(String sha256) {
    return Optional.ofNullable(sent.get(sha256));
  }

  /** Records a sent part and writes the state file at once (atomically). */
  public void record(Sent part) throws IOException {
    sent.put(part.sha256(), part);
    ObjectNode root = JSON.createObjectNode();
    root.put("url", url);
    ArrayNode parts = root.putArray("parts");
    for (Sent s : sent.values()) {
      parts
          .addObject()
          .put("sha256", s.sha256())
          .put("batch_id", s.batchId())
          .put("accepted", s.accepted())
          .put("ignored", s.ignored())
          .put("rejected", s.rejected());
    }
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public Path file() {
    return file;
  }
}
