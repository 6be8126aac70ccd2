package io.liangshai.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Serialized answers kept while what they were made from stands: each under a key naming the route,
 * every request parameter that changes the answer and the caller's scope (so a tenant is never
 * served an answer made for another scope), together with a stamp of its inputs (the figures'
 * version and whatever else the answer is made of). A request whose key and stamp match is answered
 * with the kept bytes: no table, no JSON, no serialization.
 *
 * <p>Kept answers carry a strong {@code ETag} (a digest of key, stamp and bytes), {@code
 * Cache-Control: private, no-cache} (browsers revalidate every time), answer {@code If-None-Match}
 * with 304 and no body, and are sent gzipped (compressed once, when kept) to a client that accepts
 * it.
 */
final class AnswerCache {

  private static final int LIMIT = 512;
  private static final String JSON = "application/json; charset=utf-8";

  /** One answer: its bytes, the same gzipped, and its ETag; {@code etag} null when not kept. */
  record Answer(byte[] body, byte[] gzip, String etag) {}

  private record Entry(Object stamp, Answer answer) {}

  private final ConcurrentHashMap<List<Object>, Entry> entries = new ConcurrentHashMap<>();

  /**
   * The answer kept under {@code key} if it was made from {@code stamp}; otherwise {@code make}'s
   * JSON, serialized, compressed and kept under both. On a blocking thread.
   */
  Answer answer(List<Object> key, Object stamp, Callable<JsonObject> make) throws Exception {
    Entry kept = entries.get(key);
    if (kept != null && kept.stamp().equals(stamp)) {
      return kept.answer();
    }
    byte[] body = make.call().toBuffer().getBytes();
    Answer answer = new Answer(body, gzip(body), etag(key, stamp, body));
    if (entries.size() >= LIMIT) {
      entries.clear();
    }
    entries.put(key, new Entry(stamp, answer));
    return answer;
  }

  /** An answer that is not kept: no ETag, never compressed. */
  static Answer uncached(JsonObject json) {
    return new Answer(json.toBuffer().getBytes(), null, null);
  }

  /**
   * Answers 200 with what {@code answer} computes (or 304 when it is the client's), or its failure.
   */
  static void serve(RoutingContext ctx, Future<Answer> answer) {
    ApiResponses.when(ctx, answer, a -> write(ctx, a));
  }

  private static void write(RoutingContext ctx, Answer answer) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    if (answer.etag() == null) {
      response.putHeader("Content-Type", JSON).end(Buffer.buffer(answer.body()));
      return;
    }
    response
        .putHeader("ETag", answer.etag())
        .putHeader("Cache-Control", "private, no-cache")
        .putHeader("Vary", "Accept-Encoding");
    if (matches(request.getHeader("If-None-Match"), answer.etag())) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Type", JSON);
    if (acceptsGzip(request.getHeader("Accept-Encoding"))) {
      response.putHeader("Content-Encoding", "gzip").end(Buffer.buffer(answer.gzip()));
    } else {
      response.end(Buffer.buffer(answer.body()));
    }
  }

  /** {@code If-None-Match}: {@code *} or a list of tags, compared weakly as RFC 9110 says. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code Accept-Encoding} names gzip (or {@code *}) without {@code q=0}. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].strip();
      if (!name.equals("gzip") && !name.equals("*")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].strip().replace(" ", "");
        refused |= p.matches("q=0(\\.0{0,3})?");
      }
      return !refused;
    }
    return false;
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String etag(List<Object> key, Object stamp, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Objects.toString(key).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(Objects.toString(stamp).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(body);
      return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
