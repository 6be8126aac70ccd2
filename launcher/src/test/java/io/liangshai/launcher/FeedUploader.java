package io.liangshai.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Uploads a feed the way the cities and counties would: shuffled, split into batches, each batch
 * sent with the owning county's key or (sometimes) its city's, as a JSON array, JSON Lines or CSV
 * in turn.
 */
final class FeedUploader {

  /** One batch ready to send. */
  record Batch(String key, String contentType, byte[] body, int rows) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TYPES = {"application/json", "application/x-ndjson", "text/csv"};

  private final TenantRegistry registry = TenantRegistryLoader.loadDefault();
  private final Map<String, String> keys = new HashMap<>();
  private final String adminKey;

  FeedUploader(PlatformClient client, String adminKey) throws IOException {
    this.adminKey = adminKey;
    for (var t : registry.all()) {
      if (!t.code().equals(registry.province().code())) {
        keys.put(t.code(), client.issueKey(adminKey, t.code(), "itcase"));
      }
    }
  }

  /** Every tenant key this uploader sends with. */
  java.util.Collection<String> tenantKeys() {
    return keys.values();
  }

  /** The feed shuffled with {@code seed}, cut into batches of about {@code size} rows. */
  List<Batch> batches(List<Map<String, Object>> rows, long seed, int size) throws IOException {
    Random random = new Random(seed);
    List<Map<String, Object>> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, random);
    Map<String, List<Map<String, Object>>> byKey = new LinkedHashMap<>();
    for (Map<String, Object> row : shuffled) {
      byKey.computeIfAbsent(keyFor(row, random), k -> new ArrayList<>()).add(row);
    }
    List<Batch> batches = new ArrayList<>();
    int turn = 0;
    for (Map.Entry<String, List<Map<String, Object>>> e : byKey.entrySet()) {
      List<Map<String, Object>> all = e.getValue();
      for (int from = 0; from < all.size(); from += size) {
        List<Map<String, Object>> part = all.subList(from, Math.min(all.size(), from + size));
        String type = TYPES[turn++ % TYPES.length];
        batches.add(new Batch(e.getKey(), type, encode(type, part), part.size()));
      }
    }
    Collections.shuffle(batches, random);
    return batches;
  }

  private String keyFor(Map<String, Object> row, Random random) {
    Object code = row.get("tenant_code");
    var tenant =
        code instanceof String s
            ? registry.find(s)
            : java.util.Optional.<io.liangshai.tenants.Tenant>empty();
    if (tenant.isEmpty()) {
      return adminKey;
    }
    var parent = tenant.get().parentCode();
    boolean viaCity =
        parent.isPresent()
            && !parent.get().equals(registry.province().code())
            && random.nextInt(4) == 0;
    return keys.get(viaCity ? parent.get() : tenant.get().code());
  }

  static byte[] encode(String type, List<Map<String, Object>> rows) throws IOException {
    return switch (type) {
      case "application/json" -> JSON.writeValueAsBytes(rows);
      case "application/x-ndjson" -> {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> r : rows) {
          sb.append(JSON.writeValueAsString(r)).append('\n');
        }
        yield sb.toString().getBytes(StandardCharsets.UTF_8);
      }
      default -> csv(rows);
    };
  }

  private static byte[] csv(List<Map<String, Object>> rows) throws IOException {
    Set<String> header = new LinkedHashSet<>();
    rows.forEach(r -> header.addAll(r.keySet()));
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build())) {
      for (Map<String, Object> r : rows) {
        List<String> cells = new ArrayList<>();
        for (String h : header) {
          Object v = r.get(h);
          cells.add(v == null ? "" : v.toString());
        }
        printer.printRecord(cells);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static JsonNode send(PlatformClient client, Batch b) throws IOException {
    return client.uploadCases(b.key(), b.contentType(), b.body());
  }
}
