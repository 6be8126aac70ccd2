package io.liangshai.clickhouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the local front refuses, and how: requests without this start's password, sessions, writes
 * over GET, bodies in an encoding it cannot read; and what it does not tell (its spool files). Each
 * case checks that nothing was written.
 */
class HttpFrontGuardsITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final String TSV =
      IntStream.range(0, 2_000)
              .mapToObj(i -> i + "\t" + (i % 3 == 0 ? "" : "行 " + i + " \\\\ 'q' \\n\\n end"))
              .collect(Collectors.joining("\n"))
          + "\n";

  private final FrontRequests front = new FrontRequests(CLICKHOUSE);

  @Test
  void storesAGzipOrDeflateBodyExactlyAsSent() throws Exception {
    String expected =
        front.query("SELECT * FROM format(TSV, 'n UInt32, s String', " + quote(TSV) + ")");
    for (String encoding : new String[] {"gzip", "deflate"}) {
      String table = front.table("encoded_" + encoding);
      HttpResponse<String> insert =
          front.send(
              front
                  .authorized(
                      "query=" + FrontRequests.encode("INSERT INTO " + table + " FORMAT TSV"))
                  .header("Content-Encoding", encoding),
              compress(encoding, TSV.getBytes(StandardCharsets.UTF_8)));
      assertThat(insert.statusCode()).as(insert.body()).isEqualTo(200);
      assertThat(front.query("SELECT * FROM " + table + " ORDER BY n")).isEqualTo(expected);
    }
    String table = front.table("encoded_values");
    HttpResponse<String> values =
        front.send(
            front.authorized("").header("Content-Encoding", "gzip"),
            compress(
                "gzip",
                ("INSERT INTO " + table + " VALUES (1, '压缩'), (2, '')")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(values.statusCode()).as(values.body()).isEqualTo(200);
    assertThat(front.query("SELECT * FROM " + table + " ORDER BY n")).isEqualTo("1\t压缩\n2\t\n");
  }

  @Test
  void refusesBodiesItCannotDecodeAndStoresNothing() throws Exception {
    String table = front.table("undecodable");
    String insert = "query=" + FrontRequests.encode("INSERT INTO " + table + " FORMAT TSV");
    byte[] gzip = compress("gzip", TSV.getBytes(StandardCharsets.UTF_8));
    byte[] truncated = java.util.Arrays.copyOf(gzip, gzip.length / 2);

    HttpResponse<String> cut =
        front.send(front.authorized(insert).header("Content-Encoding", "gzip"), truncated);
    assertThat(cut.statusCode()).as(cut.body()).isEqualTo(400);
    assertThat(cut.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("354");
    assertThat(cut.body()).contains("not valid gzip data");

    HttpResponse<String> plain =
        front.send(
            front.authorized(insert).header("Content-Encoding", "gzip"),
            TSV.getBytes(StandardCharsets.UTF_8));
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(400);

    HttpResponse<String> zstd =
        front.send(front.authorized(insert).header("Content-Encoding", "zstd"), gzip);
    assertThat(zstd.statusCode()).as(zstd.body()).isEqualTo(501);
    assertThat(zstd.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("48");
    assertThat(zstd.body()).contains("Content-Encoding 'zstd' is not supported");

    assertThat(front.query("SELECT count() FROM " + table)).isEqualTo("0\n");
  }

  @Test
  void compressesAnswersWhenAskedAsAServerDoes() throws Exception {
    String sql = "SELECT number, toString(number) FROM numbers(5000)";
    HttpResponse<byte[]> gzip =
        front.send(
            front
                .authorized("enable_http_compression=1")
                .header("Accept-Encoding", "gzip, deflate")
                .POST(BodyPublishers.ofString(sql))
                .build(),
            BodyHandlers.ofByteArray());
    assertThat(gzip.statusCode()).isEqualTo(200);
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(front.query(sql));
    }
    HttpResponse<String> plain =
        front.send(front.authorized("").header("Accept-Encoding", "gzip"), "SELECT 'not asked'");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.body()).isEqualTo("not asked\n");
  }

  @Test
  void refusesSessionsClearly() throws Exception {
    HttpResponse<String> response =
        front.send(front.authorized("session_id=s1"), "CREATE TEMPORARY TABLE scratch (x UInt8)");
    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("48");
    assertThat(response.body())
        .startsWith("Code: 48. DB::Exception: Sessions are not supported by this local ClickHouse")
        .contains("session_id=s1");
  }

  @Test
  void getIsReadOnly() throws Exception {
    String table = front.table("read_only");
    String readonly = "Code: 164. DB::Exception: Cannot execute query in readonly mode.";
    for (String sql :
        new String[] {
          "INSERT INTO " + table + " VALUES (1, 'x')",
          "CREATE TABLE " + table + "_2 (n UInt8) ENGINE = Memory",
          "DROP TABLE " + table,
          "SELECT 1; DROP TABLE " + table,
          "SELECT $$'$$; DROP TABLE " + table + "; SELECT '$$",
          "/* SELECT */ TRUNCATE TABLE " + table,
          "SELECT 1 INTO OUTFILE 'x.tsv'",
        }) {
      HttpResponse<String> refused = get("query=" + FrontRequests.encode(sql));
      assertThat(refused.statusCode()).as(sql + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("164");
      assertThat(refused.body()).startsWith(readonly);
    }
    assertThat(front.query("SELECT count() FROM " + table)).isEqualTo("0\n");
    assertThat(front.query("EXISTS TABLE " + table + "_2")).isEqualTo("0\n");

    assertThat(get("query=" + FrontRequests.encode("SELECT 40 + 2")).body()).isEqualTo("42\n");
    assertThat(
            get("query=" + FrontRequests.encode("SET max_threads = 1; WITH 1 AS x SELECT x"))
                .body())
        .isEqualTo("1\n");
    assertThat(get("").body()).isEqualTo("Ok.\n");
    assertThat(
            front
                .send(front.authorized(""), "INSERT INTO " + table + " VALUES (1, 'post')")
                .statusCode())
        .as("POST still writes")
        .isEqualTo(200);
  }

  @Test
  void aReadOnlyRequestCannotLeaveTheSharedEngineReadOnly() throws Exception {
    String table = front.table("after_readonly");
    HttpResponse<String> read = front.send(front.authorized("readonly=1"), "SELECT 1");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    HttpResponse<String> write =
        front.send(front.authorized("readonly=1"), "INSERT INTO " + table + " VALUES (1, 'x')");
    assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
    assertThat(write.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("164");
    HttpResponse<String> set =
        front.send(front.authorized(""), "SET max_threads = 2, readonly = 1");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(501);
    assertThat(set.body()).contains("SET readonly is not supported");

    HttpResponse<String> later =
        front.send(front.authorized(""), "INSERT INTO " + table + " VALUES (2, 'still writable')");
    assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
    assertThat(front.query("SELECT n, s, getSetting('readonly') FROM " + table))
        .isEqualTo("2\tstill writable\t0\n");
  }

  @Test
  void anInsertErrorSpeaksOfTheRequestBodyNotOfASpoolFile() throws Exception {
    String table = front.table("bad_rows");
    HttpResponse<String> response =
        front.send(
            front.authorized(
                "query=" + FrontRequests.encode("INSERT INTO " + table + " FORMAT TSV")),
            "1\tok\nnot-a-number\tbad\n");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .contains("DB::Exception")
        .contains("the request body")
        .doesNotContain("spool")
        .doesNotContain(".data")
        .doesNotContain("INFILE")
        .doesNotContain(System.getProperty("java.io.tmpdir"));
    assertThat(front.query("SELECT count() FROM " + table)).isEqualTo("0\n");
  }

  private HttpResponse<String> get(String rawQuery) throws Exception {
    return front.send(front.authorized(rawQuery).GET().build());
  }

  private static byte[] compress(String encoding, byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var compressed =
        encoding.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
      compressed.write(data);
    }
    return out.toByteArray();
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
