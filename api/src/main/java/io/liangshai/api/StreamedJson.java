package io.liangshai.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A large {@code {"rows": [...], ...}} answer that does not hold the event loop: encoded on a
 * worker ({@link #encode}, called inside the blocking work) into chunks of {@link #ROWS_PER_CHUNK}
 * rows, then written chunk by chunk as the connection drains ({@link #write}). The province's
 * warnings list is 188,000 rows and 60 MB (docs/benchmarks.md): encoded and written at once, it
 * stalled every other request on its event loop for seconds.
 */
final class StreamedJson {

  static final int ROWS_PER_CHUNK = 2_000;

  private static final Buffer COMMA = Buffer.buffer(",");

  private StreamedJson() {}

  /**
   * The chunks of {@code {...head, "rows": [rows]}}: {@code head}'s fields (none may be {@code
   * rows}) first, then the rows in their order.
   */
  static List<Buffer> encode(JsonObject head, List<JsonObject> rows) {
    if (head.containsKey("rows")) {
      throw new IllegalArgumentException("head must not hold rows");
    }
    String fields = head.encode();
    String open =
        fields.substring(0, fields.length() - 1) + (head.isEmpty() ? "" : ",") + "\"rows\":[";
    List<Buffer> chunks = new ArrayList<>(rows.size() / ROWS_PER_CHUNK + 2);
    Buffer chunk = Buffer.buffer(open);
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        chunk.appendBuffer(COMMA);
      }
      chunk.appendBuffer(rows.get(i).toBuffer());
      if ((i + 1) % ROWS_PER_CHUNK == 0) {
        chunks.add(chunk);
        chunk = Buffer.buffer();
      }
    }
    chunks.add(chunk.appendString("]}"));
    return chunks;
  }

  /**
   * Answers 200 with the chunks {@code body} computes, as the connection drains; or its failure.
   */
  static void write(RoutingContext ctx, Future<List<Buffer>> body) {
    ApiResponses.when(
        ctx,
        body,
        chunks -> {
          HttpServerResponse response =
              ctx.response()
                  .setStatusCode(200)
                  .putHeader("Content-Type", "application/json; charset=utf-8");
          if (chunks.size() == 1) {
            response.end(chunks.get(0));
          } else {
            response.setChunked(true);
            next(response, chunks.iterator());
          }
        });
  }

  private static void next(HttpServerResponse response, Iterator<Buffer> chunks) {
    while (chunks.hasNext() && !response.closed()) {
      response.write(chunks.next());
      if (response.writeQueueFull()) {
        response.drainHandler(v -> next(response, chunks));
        return;
      }
    }
    if (!response.closed()) {
      response.end();
    }
  }
}
