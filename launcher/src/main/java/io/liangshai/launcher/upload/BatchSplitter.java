package io.liangshai.launcher.upload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.RawRow;
import io.liangshai.ingest.TextEncoding;
import io.liangshai.ingest.UnparseableBatchException;
import io.liangshai.ingest.XlsxBatchWriter;
import io.liangshai.ingest.XlsxRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Cuts an input file into batches of at most {@code rowsPerBatch} rows, each written to a temporary
 * directory, streamed so that memory stays flat however large the file: CSV (UTF-8 or GBK,
 * re-written as UTF-8 with its header), JSON Lines, a JSON array, or XLSX (its first sheet), by the
 * file's extension. Parts are deterministic, so a re-run cuts the same parts and can skip those the
 * server already has.
 */
public final class BatchSplitter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int rowsPerBatch;
  private final Path workDir;

  public BatchSplitter(int rowsPerBatch, Path workDir) {
    if (rowsPerBatch < 1) {
      throw new IllegalArgumentException("rows per batch must be at least 1, got " + rowsPerBatch);
    }
    this.rowsPerBatch = rowsPerBatch;
    this.workDir = workDir;
  }

  /** The format a file is sent as, by its extension. */
  public static BatchFormat formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return BatchFormat.CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return BatchFormat.JSON_LINES;
    }
    if (name.endsWith(".json")) {
      return BatchFormat.JSON_ARRAY;
    }
    if (name.endsWith(".xlsx")) {
      return BatchFormat.XLSX;
    }
    throw new IllegalArgumentException(
        file + ": the file name must end in .csv, .jsonl, .ndjson, .json or .xlsx");
  }

  static String contentType(BatchFormat format) {
    return switch (format) {
      case CSV -> "text/csv; charset=utf-8";
      case JSON_LINES -> "application/x-ndjson";
      case JSON_ARRAY -> "application/json";
      case XLSX -> BatchFormat.XLSX_CONTENT_TYPE;
    };
  }

  public List<BatchPart> split(Path input) throws IOException, UnparseableBatchException {
    BatchFormat format = formatOf(input);
    return switch (format) {
      case CSV -> splitCsv(input);
      case JSON_LINES -> splitJsonLines(input);
      case JSON_ARRAY -> splitJsonArray(input);
      case XLSX -> splitXlsx(input);
    };
  }

  private List<BatchPart> splitCsv(Path input) throws IOException, UnparseableBatchException {
    Charset charset = TextEncoding.of(input, BatchFormat.CSV, Optional.empty());
    List<BatchPart> parts = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(input, charset)) {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      CSVParser parser =
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
      List<String> header = parser.getHeaderNames();
      PartWriter<CSVPrinter> part = null;
      long row = 0;
      for (CSVRecord record : parser) {
        row++;
        if (part == null || part.rows == rowsPerBatch) {
          if (part != null) {
            parts.add(part.finish());
          }
          Writer w = Files.newBufferedWriter(partFile(parts.size(), "csv"), StandardCharsets.UTF_8);
          part =
              new PartWriter<>(
                  parts.size(),
                  BatchFormat.CSV,
                  row,
                  CSVFormat.DEFAULT
                      .builder()
                      .setHeader(header.toArray(String[]::new))
                      .build()
                      .print(w));
        }
        part.out.printRecord(record.toList());
        part.rows++;
      }
      if (part != null) {
        parts.add(part.finish());
      }
    } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new UnparseableBatchException(
          input + " is not a readable CSV file: " + e.getMessage(), e);
    }
    return parts;
  }

  private List<BatchPart> splitJsonLines(Path input) throws IOException, UnparseableBatchException {
    List<BatchPart> parts = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      PartWriter<Writer> part = null;
      long row = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        row++;
        if (part == null || part.rows == rowsPerBatch) {
          if (part != null) {
            parts.add(part.finish());
          }
          part =
              new PartWriter<>(
                  parts.size(),
                  BatchFormat.JSON_LINES,
                  row,
                  Files.newBufferedWriter(partFile(parts.size(), "jsonl"), StandardCharsets.UTF_8));
        }
        part.out.write(line);
        part.out.write('\n');
        part.rows++;
      }
      if (part != null) {
        parts.add(part.finish());
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UnparseableBatchException(input + " is not UTF-8 text", e);
    }
    return parts;
  }

  private List<BatchPart> splitJsonArray(Path input) throws IOException, UnparseableBatchException {
    List<BatchPart> parts = new ArrayList<>();
    JsonFactory factory = JSON.getFactory();
    try (JsonParser parser = factory.createParser(input.toFile())) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new UnparseableBatchException(input + " must hold one JSON array of case objects");
      }
      PartWriter<JsonGenerator> part = null;
      long row = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        JsonNode element = JSON.readTree(parser);
        row++;
        if (part == null || part.rows == rowsPerBatch) {
          if (part != null) {
            part.out.writeEndArray();
            parts.add(part.finish());
          }
          JsonGenerator g =
              factory.createGenerator(Files.newOutputStream(partFile(parts.size(), "json")));
          g.writeStartArray();
          part = new PartWriter<>(parts.size(), BatchFormat.JSON_ARRAY, row, g);
        }
        JSON.writeTree(part.out, element);
        part.rows++;
      }
      if (part != null) {
        part.out.writeEndArray();
        parts.add(part.finish());
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UnparseableBatchException(
          input + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return parts;
  }

  private List<BatchPart> splitXlsx(Path input) throws IOException, UnparseableBatchException {
    List<BatchPart> parts = new ArrayList<>();
    List<XlsxBatchWriter> current = new ArrayList<>();
    long[] row = {0};
    long[] firstRow = {1};
    List<String>[] header = new List[1];
    try {
      XlsxRows.read(
          input,
          (RawRow r) -> {
            row[0]++;
            if (!r.readable()) {
              throw new IllegalStateException(
                  input + " row " + r.number() + " cannot be read: " + r.unreadable().message());
            }
            if (header[0] == null) {
              header[0] = new ArrayList<>(r.fields().keySet());
            }
            if (current.isEmpty() || current.get(0).rows() == rowsPerBatch) {
              if (!current.isEmpty()) {
                parts.add(finishXlsx(parts.size(), current.remove(0), firstRow[0]));
              }
              current.add(new XlsxBatchWriter(header[0]));
              firstRow[0] = row[0];
            }
            List<String> cells = new ArrayList<>();
            header[0].forEach(
                h -> {
                  Object v = r.fields().get(h);
                  cells.add(v == null ? null : v.toString());
                });
            current.get(0).row(cells);
          });
      if (!current.isEmpty()) {
        parts.add(finishXlsx(parts.size(), current.remove(0), firstRow[0]));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      for (XlsxBatchWriter w : current) {
        w.close();
      }
    }
    return parts;
  }

  private BatchPart finishXlsx(int index, XlsxBatchWriter writer, long firstRow) {
    Path file = partFile(index, "xlsx");
    try (writer;
        OutputStream out = Files.newOutputStream(file)) {
      writer.writeTo(out);
      return new BatchPart(
          index,
          file,
          contentType(BatchFormat.XLSX),
          firstRow,
          writer.rows(),
          FileDigest.sha256(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path partFile(int index, String extension) {
    return workDir.resolve(String.format("part-%05d.%s", index, extension));
  }

  /** A part being written. */
  private final class PartWriter<W extends java.io.Closeable> {
    final int index;
    final BatchFormat format;
    final long firstRow;
    final W out;
    int rows;

    PartWriter(int index, BatchFormat format, long firstRow, W out) {
      this.index = index;
      this.format = format;
      this.firstRow = firstRow;
      this.out = out;
    }

    BatchPart finish() throws IOException {
      out.close();
      Path file = partFile(index, format.extension());
      return new BatchPart(
          index, file, contentType(format), firstRow, rows, FileDigest.sha256(file));
    }
  }
}
