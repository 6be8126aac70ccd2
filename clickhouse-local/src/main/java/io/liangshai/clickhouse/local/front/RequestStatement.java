package io.liangshai.clickhouse.local.front;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The statement of one HTTP request: the {@code query} URL parameter, then a line break, then the
 * body, as ClickHouse joins them. Insert data is spooled to a file as it streams in, so a large
 * insert never sits in memory twice.
 */
final class RequestStatement implements AutoCloseable {

  /** Bytes of the body read before deciding whether it holds insert data. */
  static final int HEAD_LIMIT = 1 << 20;

  private final byte[] sql;
  private final Path spool;

  private RequestStatement(byte[] sql, Path spool) {
    this.sql = sql;
    this.spool = spool;
  }

  static RequestStatement read(String urlQuery, InputStream body, Path spoolDir)
      throws IOException {
    byte[] url = urlQuery == null ? new byte[0] : urlQuery.getBytes(StandardCharsets.UTF_8);
    byte[] head = body.readNBytes(HEAD_LIMIT);
    byte[] text = join(url, head);
    Optional<InsertStatement> insert = InsertStatement.find(text, text.length);
    if (insert.isPresent()) {
      Path file = Files.createTempFile(spoolDir, "insert-", ".data");
      try (OutputStream out = Files.newOutputStream(file)) {
        int from = insert.get().dataOffset();
        out.write(text, from, text.length - from);
        body.transferTo(out);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
      return new RequestStatement(insert.get().fromInfile(file.toString()), file);
    }
    byte[] rest = body.readAllBytes();
    return new RequestStatement(rest.length == 0 ? text : concat(text, rest), null);
  }

  byte[] sql() {
    return sql;
  }

  /**
   * The engine's {@code message} about this statement as the client should read it: the spool file
   * the front read the insert data from is the request body to the client, so the file's name and
   * the {@code FROM INFILE} the front added are not shown.
   */
  String publicMessage(String message) {
    if (spool == null) {
      return message;
    }
    String file = spool.toString();
    return message
        .replace(InsertStatement.infileClause(file), " ")
        .replace("in file/uri " + file, "in the request body")
        .replace(file, "the request body")
        .replace(spool.getParent().toString(), "(spool)");
  }

  boolean isEmpty() {
    for (byte b : sql) {
      if (!SqlScanner.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private static byte[] join(byte[] url, byte[] body) {
    if (url.length == 0) {
      return body;
    }
    if (body.length == 0) {
      return url;
    }
    byte[] joined = new byte[url.length + 1 + body.length];
    System.arraycopy(url, 0, joined, 0, url.length);
    joined[url.length] = '\n';
    System.arraycopy(body, 0, joined, url.length + 1, body.length);
    return joined;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Override
  public void close() throws IOException {
    if (spool != null) {
      Files.deleteIfExists(spool);
    }
  }
}
