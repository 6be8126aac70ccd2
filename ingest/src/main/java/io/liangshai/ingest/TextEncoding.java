package io.liangshai.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Which character set a text batch is in. JSON is always UTF-8 (RFC 8259). CSV is UTF-8 (with or
 * without a BOM) unless the Content-Type says {@code charset=gbk}, {@code gb2312} or {@code
 * gb18030}; with no charset, a CSV body that is not valid UTF-8 is read as GB18030 (a superset of
 * GBK, what Excel in China writes), provided it decodes cleanly as that. A body holding a NUL byte
 * is not text at all.
 */
public final class TextEncoding {

  /** GB18030 includes GBK and GB2312, so one decoder serves all three names. */
  public static final Charset GB18030 = Charset.forName("GB18030");

  private TextEncoding() {}

  /**
   * The charset named in a Content-Type, if any.
   *
   * @throws UnparseableBatchException for a charset other than UTF-8 and the GB family
   */
  public static Optional<Charset> declared(String contentType) throws UnparseableBatchException {
    if (contentType == null) {
      return Optional.empty();
    }
    for (String param : contentType.split(";")) {
      String[] kv = param.strip().split("=", 2);
      if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
        String name = kv[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
        return Optional.of(
            switch (name) {
              case "utf-8", "utf8" -> StandardCharsets.UTF_8;
              case "gbk", "gb2312", "gb18030", "cp936" -> GB18030;
              default ->
                  throw new UnparseableBatchException(
                      "charset "
                          + name
                          + " is not supported: send UTF-8, or CSV in GBK/GB18030 with"
                          + " charset=gb18030");
            });
      }
    }
    return Optional.empty();
  }

  /**
   * The charset to read {@code body} with.
   *
   * @throws UnparseableBatchException when the body holds a NUL byte or does not decode
   */
  public static Charset of(Path body, BatchFormat format, Optional<Charset> declared)
      throws IOException, UnparseableBatchException {
    boolean json = format != BatchFormat.CSV;
    if (json && declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
      throw new UnparseableBatchException(
          "JSON batches must be UTF-8; only CSV may be sent in GBK/GB18030");
    }
    Charset first = declared.orElse(StandardCharsets.UTF_8);
    Optional<String> problem = check(body, first);
    if (problem.isEmpty()) {
      return first;
    }
    if (declared.isEmpty() && !json && !problem.get().startsWith("NUL")) {
      Optional<String> asGb = check(body, GB18030);
      if (asGb.isEmpty()) {
        return GB18030;
      }
      throw new UnparseableBatchException(
          "the CSV is neither valid UTF-8 ("
              + problem.get()
              + ") nor valid GBK/GB18030 ("
              + asGb.get()
              + "); save it as \"CSV UTF-8\" and send it again");
    }
    if (problem.get().startsWith("NUL")) {
      throw new UnparseableBatchException(
          "the body contains a " + problem.get() + ": a text batch cannot; is it a binary file?");
    }
    throw new UnparseableBatchException(
        "the body is not valid "
            + (first.equals(StandardCharsets.UTF_8) ? "UTF-8" : "GB18030")
            + " text ("
            + problem.get()
            + ")"
            + (json ? "" : "; for CSV saved by Excel in China send charset=gb18030"));
  }

  /** Empty when {@code body} decodes cleanly in {@code charset} and has no NUL; else why not. */
  private static Optional<String> check(Path body, Charset charset) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    CharBuffer out = CharBuffer.allocate(64 * 1024);
    long offset = 0;
    try (InputStream stream = Files.newInputStream(body)) {
      byte[] chunk = new byte[32 * 1024];
      int n;
      boolean eof = false;
      while (!eof) {
        n = stream.read(chunk);
        if (n < 0) {
          eof = true;
        } else {
          for (int i = 0; i < n; i++) {
            if (chunk[i] == 0) {
              return Optional.of("NUL byte at offset " + (offset + in.position() + i));
            }
          }
          in.put(chunk, 0, n);
        }
        in.flip();
        CoderResult r = decoder.decode(in, out, eof);
        if (r.isError()) {
          return Optional.of("bad byte sequence at offset " + (offset + in.position()));
        }
        out.clear();
        offset += in.position();
        in.compact();
      }
      CoderResult r = decoder.flush(out);
      if (r.isError() || in.position() > 0) {
        return Optional.of("the body ends inside a character");
      }
    }
    return Optional.empty();
  }
}
