package io.liangshai.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.liangshai.core.record.CaseJson;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a batch body to a consumer, one at a time, so a 100 MB batch is never held in
 * memory. A body that cannot be read at all throws {@link UnparseableBatchException}.
 */
final class RowReaders {

  /** The job's limits ({@link CaseJson#CONSTRAINTS}), so the door reads what the job can. */
  private static final JsonFactory JSON_FACTORY =
      CaseJson.factoryBuilder()
          // The caller owns the stream: it reads the rest to finish the checksum.
          .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  private RowReaders() {}

  /**
   * Reads a text body ({@link BatchFormat#isText}) in {@code charset} (JSON: always UTF-8), a CSV's
   * header resolved by {@code columns}.
   */
  static void read(
      BatchFormat format, Charset charset, InputStream body, Columns columns, Consumer<RawRow> rows)
      throws UnparseableBatchException {
    try {
      switch (format) {
        case JSON_ARRAY -> readJsonArray(body, rows);
        case JSON_LINES -> readJsonLines(body, rows);
        case CSV -> readCsv(body, charset, columns, rows);
        case XLSX -> throw new IllegalArgumentException("XLSX is read from its file by XlsxRows");
      }
    } catch (CharacterCodingException e) {
      throw new UnparseableBatchException("the body is not valid UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readJsonArray(InputStream body, Consumer<RawRow> rows)
      throws IOException, UnparseableBatchException {
    try (JsonParser parser = JSON_FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new UnparseableBatchException(
            "an application/json batch must be a JSON array of case objects");
      }
      int number = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw new UnparseableBatchException("the JSON array is not closed (body truncated?)");
        }
        number++;
        if (token == JsonToken.START_OBJECT) {
          rows.accept(row(number, CaseJson.readObject(parser)));
        } else {
          parser.skipChildren();
          rows.accept(
              RawRow.unreadable(
                  number,
                  Problem.of(ErrorCode.ROW_NOT_OBJECT, "array element is not a JSON object")));
        }
      }
      if (parser.nextToken() != null) {
        throw new UnparseableBatchException("unexpected content after the JSON array");
      }
    } catch (JsonProcessingException e) {
      throw new UnparseableBatchException("malformed JSON: " + describe(e), e);
    }
  }

  private static void readJsonLines(InputStream body, Consumer<RawRow> rows)
      throws IOException, UnparseableBatchException {
    BufferedReader reader = utf8(body);
    String line;
    int number = 0;
    int readable = 0;
    while ((line = reader.readLine()) != null) {
      if (number == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      number++;
      if (line.isBlank()) {
        number--;
        continue;
      }
      try (JsonParser parser = JSON_FACTORY.createParser(line)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          rows.accept(
              RawRow.unreadable(
                  number, Problem.of(ErrorCode.ROW_NOT_OBJECT, "line is not a JSON object")));
          continue;
        }
        CaseJson.Fields fields = CaseJson.readObject(parser);
        if (parser.nextToken() != null) {
          rows.accept(
              RawRow.unreadable(
                  number,
                  Problem.of(
                      ErrorCode.ROW_TRAILING_CONTENT, "unexpected content after the JSON object")));
          continue;
        }
        readable++;
        rows.accept(row(number, fields));
      } catch (JsonProcessingException e) {
        rows.accept(
            RawRow.unreadable(
                number,
                Problem.of(
                    ErrorCode.ROW_MALFORMED_JSON,
                    "malformed JSON: " + describe(e),
                    "reason",
                    describe(e))));
      }
    }
    if (number > 0 && readable == 0) {
      throw new UnparseableBatchException(
          "no line of the application/x-ndjson body is a JSON object");
    }
  }

  /** One JSON object as a row: its fields, or one error for the whole object. */
  private static RawRow row(int number, CaseJson.Fields fields) {
    return fields.problem().isPresent()
        ? RawRow.unreadable(number, fields.problem().get())
        : RawRow.of(number, fields.values());
  }

  private static void readCsv(
      InputStream body, Charset charset, Columns columns, Consumer<RawRow> rows)
      throws IOException, UnparseableBatchException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
            .build();
    BufferedReader reader = text(body, charset);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    CSVParser parser;
    try {
      parser = format.parse(reader);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UnparseableBatchException("bad CSV header row: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UnparseableBatchException("malformed CSV header: " + e.getCause().getMessage(), e);
    }
    List<String> header = columns.resolve(parser.getHeaderNames());
    int number = 0;
    try {
      for (CSVRecord record : parser) {
        number++;
        if (record.size() != header.size()) {
          rows.accept(
              RawRow.unreadable(
                  number,
                  Problem.of(
                      ErrorCode.ROW_CELL_COUNT,
                      "row has " + record.size() + " cells but the header has " + header.size(),
                      "cells",
                      record.size(),
                      "columns",
                      header.size())));
          continue;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          String cell = record.get(i);
          fields.put(header.get(i), cell.isEmpty() ? null : cell);
        }
        rows.accept(RawRow.of(number, fields));
      }
    } catch (UncheckedIOException e) {
      throw new UnparseableBatchException(
          "malformed CSV after data row " + number + ": " + e.getCause().getMessage(), e);
    }
  }

  private static BufferedReader utf8(InputStream body) {
    return text(body, StandardCharsets.UTF_8);
  }

  private static BufferedReader text(InputStream body, Charset charset) {
    return new BufferedReader(
        new InputStreamReader(
            body,
            charset
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        64 * 1024);
  }

  private static String describe(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
      return "the body ends before the JSON is complete (truncated?)";
    }
    var loc = e.getLocation();
    String where =
        loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    String message =
        e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "");
    return message + where;
  }
}
