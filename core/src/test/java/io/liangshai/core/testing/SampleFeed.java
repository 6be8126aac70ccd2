package io.liangshai.core.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.record.ValidationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The sample feed {@code fixtures/sample-feed-2024-01-02.jsonl.gz}: case records for the 101 city
 * and county tenants of Zhejiang received in January–February 2024, in delivery order, with several
 * versions per case, duplicates, conflicts on non-final versions and a few invalid rows (see the
 * fixtures README). Its expected indicators are in {@link ExpectedMetrics}.
 */
public final class SampleFeed {

  /** Classpath location of the gzipped JSON Lines feed. */
  public static final String RESOURCE = "/fixtures/sample-feed-2024-01-02.jsonl.gz";

  /** Rows of the feed that are invalid (bad check character, unknown tenant, ...). */
  public static final int INVALID_ROWS = 97;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {};

  private SampleFeed() {}

  /** The feed as raw rows in file order, as a JSON Lines upload would be parsed. */
  public static List<Map<String, Object>> rows() {
    String[] lines = new String(jsonLines(), StandardCharsets.UTF_8).split("\n");
    List<Map<String, Object>> rows = new ArrayList<>(lines.length);
    try {
      for (String line : lines) {
        if (!line.isBlank()) {
          rows.add(JSON.readValue(line, ROW));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + RESOURCE, e);
    }
    return rows;
  }

  /**
   * The rows that pass validation against the Zhejiang registry, as records, in file order (the
   * feed's invalid rows left out).
   */
  public static List<CaseRecord> validRecords() {
    CaseRecordValidator validator =
        new CaseRecordValidator(TenantScope.knownTenants(ZhejiangTenants.codes()));
    List<CaseRecord> valid = new ArrayList<>();
    List<Map<String, Object>> rows = rows();
    for (int i = 0; i < rows.size(); i++) {
      ValidationResult result = validator.validate(rows.get(i), i + 1);
      if (result.isValid()) {
        valid.add(result.record());
      }
    }
    return valid;
  }

  /** The uncompressed JSON Lines bytes, e.g. to upload as {@code application/x-ndjson}. */
  public static byte[] jsonLines() {
    try (InputStream in = new GZIPInputStream(open(RESOURCE))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static InputStream open(String resource) {
    InputStream in = SampleFeed.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    return in;
  }
}
