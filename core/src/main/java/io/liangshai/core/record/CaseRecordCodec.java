package io.liangshai.core.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The canonical JSON form of a {@link CaseRecord}, as written to the landing zone: one line, every
 * field present in {@link CaseField} order (absent values as {@code null}), instants in UTC with
 * exactly six fractional digits ({@code 2024-01-02T01:30:00.123456Z}). Records that are equal as
 * parsed values therefore serialize byte-identically, whatever offset or format they came in. Only
 * the given deadline is written; derived deadlines are computed downstream, never stored.
 */
public final class CaseRecordCodec {

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Reads under the same limits as the intake ({@link CaseJson#CONSTRAINTS}). */
  private static final JsonFactory JSON = CaseJson.factoryBuilder().build();

  /**
   * The intake's validator, with the time of upload taken as now: the job reads a record after it
   * was uploaded, so now + 366 days is at or after upload + 366 days and the job never rejects what
   * the intake accepted.
   */
  private static final CaseRecordValidator TRUSTING = new CaseRecordValidator(TenantScope.any());

  private CaseRecordCodec() {}

  /** The canonical one-line JSON of {@code record}. */
  public static String toJson(CaseRecord record) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField(CaseField.CASE_ID.wireName(), record.caseId());
      json.writeStringField(CaseField.TENANT_CODE.wireName(), record.tenantCode());
      writeInstant(json, CaseField.UPDATED_AT, record.updatedAt());
      json.writeStringField(CaseField.ENTERPRISE_USCC.wireName(), record.enterpriseUscc());
      json.writeStringField(CaseField.ENTERPRISE_NAME.wireName(), record.enterpriseName());
      writeEnum(json, CaseField.CHANNEL, record.channel());
      writeEnum(json, CaseField.CATEGORY, record.category());
      writeInstant(json, CaseField.RECEIVED_AT, record.receivedAt());
      writeInstant(json, CaseField.DEADLINE, record.deadline());
      writeEnum(json, CaseField.STATUS, record.status());
      writeInstant(json, CaseField.CLOSED_AT, record.closedAt());
      writeEnum(json, CaseField.ESCALATION_LEVEL, record.escalationLevel());
      json.writeNumberField(CaseField.REASSIGNED_COUNT.wireName(), record.reassignedCount());
      json.writeBooleanField(CaseField.LEADER_INSTRUCTED.wireName(), record.leaderInstructed());
      writeEnum(json, CaseField.SATISFACTION, record.satisfaction());
      json.writeStringField(CaseField.DESCRIPTION.wireName(), record.description());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + record.key(), e);
    }
    return out.toString();
  }

  /**
   * Reads a record from one JSON object (canonical or not) under the intake's rules: the same
   * Jackson limits and field cap ({@link CaseJson}) and the same validator, with the time of upload
   * taken as now (a record is read after its upload, so the 366-day bound is never tighter than it
   * was at the door). The tenant is not checked against a registry: this is for records that were
   * validated when they came in.
   *
   * @throws IllegalArgumentException when the text is not a JSON object or not a valid record
   */
  public static CaseRecord fromJson(String json) {
    CaseJson.Fields row;
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      row = CaseJson.readObject(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("unexpected content after the JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (row.problem().isPresent()) {
      throw new IllegalArgumentException("not a case record: " + row.problem().get());
    }
    ValidationResult result = TRUSTING.validate(row.values(), 1);
    if (!result.isValid()) {
      throw new IllegalArgumentException(
          "not a valid case record: "
              + result.errors().stream()
                  .map(e -> e.field() + " " + e.message())
                  .collect(Collectors.joining("; ")));
    }
    return result.record();
  }

  /** SHA-256 of the canonical JSON's UTF-8 bytes, as 64 lower-case hex digits. */
  public static String contentHash(CaseRecord record) {
    return contentHashOfJson(toJson(record));
  }

  /** {@link #contentHash} of a record whose canonical JSON ({@link #toJson}) is {@code json}. */
  public static String contentHashOfJson(String json) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest(json.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** An instant in the canonical form: UTC, six fractional digits. */
  public static String formatInstant(Instant instant) {
    return OffsetTimestamps.formatUtcMicros(instant, INSTANT);
  }

  private static void writeInstant(JsonGenerator json, CaseField field, Instant value)
      throws IOException {
    json.writeStringField(field.wireName(), value == null ? null : formatInstant(value));
  }

  private static void writeEnum(JsonGenerator json, CaseField field, WireNamed value)
      throws IOException {
    json.writeStringField(field.wireName(), value == null ? null : value.wireName());
  }
}
