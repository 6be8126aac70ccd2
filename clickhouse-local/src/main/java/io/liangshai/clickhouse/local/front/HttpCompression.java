package io.liangshai.clickhouse.local.front;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * HTTP body compression as ClickHouse's HTTP interface does it, for {@code gzip} and {@code
 * deflate} (zlib): a request body sent with {@code Content-Encoding} is decoded before anything
 * reads it; an answer is compressed when the request set {@code enable_http_compression=1} and
 * accepts the encoding. Other encodings a server knows ({@code br}, {@code zstd}, {@code lz4}, ...)
 * are refused with Code 48, never read as if they were plain.
 */
final class HttpCompression {

  /** {@code ZLIB_INFLATE_FAILED}: the body is not valid data of its declared encoding. */
  static final int INFLATE_FAILED = 354;

  private static final int BUFFER = 64 * 1024;

  private HttpCompression() {}

  /** {@code body} decoded according to {@code contentEncoding} (null or empty: as it is). */
  static InputStream decodeRequest(String contentEncoding, InputStream body) {
    String encoding = normalize(contentEncoding);
    return switch (encoding) {
      case "", "identity", "none" -> body;
      case "gzip", "x-gzip", "deflate" -> new Decoded(encoding, body);
      default ->
          throw new FrontException(
              ExceptionCode.NOT_IMPLEMENTED,
              501,
              "Code: 48. DB::Exception: Content-Encoding '"
                  + contentEncoding
                  + "' is not supported by this local ClickHouse: send the body uncompressed,"
                  + " or with gzip or deflate. (NOT_IMPLEMENTED)");
    };
  }

  /**
   * The encoding an answer is sent with: {@code gzip} or {@code deflate} when the request set
   * {@code enable_http_compression} and its {@code Accept-Encoding} names one, else empty.
   */
  static String responseEncoding(String enableSetting, String acceptEncoding) {
    if (enableSetting == null || enableSetting.equals("0") || acceptEncoding == null) {
      return "";
    }
    String accepted = acceptEncoding.toLowerCase(Locale.ROOT);
    if (accepted.contains("gzip")) {
      return "gzip";
    }
    return accepted.contains("deflate") ? "deflate" : "";
  }

  /** {@code out} compressed with {@code encoding} (from {@link #responseEncoding}). */
  static OutputStream encodeResponse(String encoding, OutputStream out) throws IOException {
    return switch (encoding) {
      case "gzip" -> new GZIPOutputStream(out, BUFFER);
      case "deflate" -> new DeflaterOutputStream(out);
      default -> out;
    };
  }

  private static String normalize(String contentEncoding) {
    return contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Decodes lazily (an empty body fails on first read, not at construction) and reports data that
   * is not of its declared encoding as a {@link FrontException}; a failure of the connection itself
   * stays an {@link IOException}.
   */
  private static final class Decoded extends FilterInputStream {
    private final String encoding;
    private final Source source;
    private InputStream inflater;

    Decoded(String encoding, InputStream body) {
      super(body);
      this.encoding = encoding;
      this.source = new Source(body);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        if (inflater == null) {
          inflater =
              encoding.equals("deflate")
                  ? new InflaterInputStream(source)
                  : new GZIPInputStream(source, BUFFER);
        }
        return inflater.read(b, off, len);
      } catch (ZipException | EOFException e) {
        if (source.failed) {
          throw e;
        }
        throw new FrontException(
            INFLATE_FAILED,
            400,
            "Code: 354. DB::Exception: The request body is not valid "
                + encoding
                + " data as its Content-Encoding says: "
                + e.getMessage()
                + ". (ZLIB_INFLATE_FAILED)");
      }
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), BUFFER)];
      int read = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
      return Math.max(read, 0);
    }

    @Override
    public int available() {
      return 0;
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }

  /** The raw body, remembering whether reading it (the connection) failed. */
  private static final class Source extends FilterInputStream {
    boolean failed;

    Source(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }
  }
}
