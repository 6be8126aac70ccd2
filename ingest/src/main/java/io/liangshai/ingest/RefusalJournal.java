package io.liangshai.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The append-only, fsynced journal of refused uploads under the landing zone, one file a day:
 * {@code audit/refused-YYYYMMDD.jsonl}, one JSON object a line. It is the truth the {@code
 * batch.refused} audit rows are derived from, so a crash or a ClickHouse outage loses none. A last
 * line without its line break (a crash mid-write) is not read.
 */
public final class RefusalJournal {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "refused-";

  private final Path dir;
  private final Clock clock;
  private final BatchIds ids = new BatchIds("r_", Optional.empty());

  public RefusalJournal(LandingZone landing, Clock clock) {
    this.dir = landing.root().resolve("audit");
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
  }

  /** Appends one refusal durably (fsynced before it returns) and returns it with its id. */
  public synchronized Refusal append(
      String tenant, String keyId, int status, String reason, Long bytes) throws IOException {
    Instant at = clock.instant();
    String id = ids.next(at);
    Refusal r = new Refusal(id, at, tenant, keyId, status, reason, bytes);
    byte[] line = (JSON.writeValueAsString(toJson(r)) + "\n").getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(dir);
    Path file = dir.resolve(PREFIX + id.substring(2, 10) + ".jsonl");
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    return r;
  }

  /** Every refusal with an id after {@code after} (all when empty), oldest first. */
  public List<Refusal> after(Optional<String> after) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    String fromDay = after.map(id -> PREFIX + id.substring(2, 10)).orElse("");
    List<Path> files;
    try (Stream<Path> all = Files.list(dir)) {
      files =
          all.filter(p -> p.getFileName().toString().startsWith(PREFIX))
              .filter(p -> p.getFileName().toString().endsWith(".jsonl"))
              .filter(p -> p.getFileName().toString().compareTo(fromDay) >= 0)
              .sorted()
              .toList();
    }
    List<Refusal> out = new ArrayList<>();
    for (Path file : files) {
      for (String line : completeLines(file)) {
        Refusal r = fromJson(JSON.readTree(line));
        if (after.isEmpty() || r.id().compareTo(after.get()) > 0) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** Changes whenever a refusal is appended: the newest file's name and size. */
  public String stamp() throws IOException {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    try (Stream<Path> all = Files.list(dir)) {
      Optional<Path> newest =
          all.filter(p -> p.getFileName().toString().startsWith(PREFIX)).max(Path::compareTo);
      return newest.isEmpty() ? "" : newest.get().getFileName() + ":" + Files.size(newest.get());
    }
  }

  private static List<String> completeLines(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new java.io.StringReader(text.substring(0, text.lastIndexOf('\n') + 1)))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  private static ObjectNode toJson(Refusal r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", r.id());
    o.put("at", r.at().toString());
    o.put("tenant", r.tenant());
    o.put("key_id", r.keyId());
    o.put("status", r.status());
    o.put("reason", r.reason());
    if (r.bytes() == null) {
      o.putNull("bytes");
    } else {
      o.put("bytes", r.bytes());
    }
    return o;
  }

  private static Refusal fromJson(JsonNode o) {
    return new Refusal(
        o.get("id").asText(),
        Instant.parse(o.get("at").asText()),
        o.get("tenant").asText(),
        o.get("key_id").asText(),
        o.get("status").asInt(),
        o.get("reason").asText(),
        o.get("bytes").isNull() ? null : o.get("bytes").asLong());
  }
}
