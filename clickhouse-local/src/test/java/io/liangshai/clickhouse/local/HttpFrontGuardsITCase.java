package io.liangshai.clickhouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void storesAGzipOrDeflateBodyExactlyAsSent() throws Exception {
    String expected = query("SELECT * FROM format(TSV, 'n UInt32, s String', " + quote(TSV) + ")");
    for (String encoding : new String[] {"gzip", "deflate"}) {
      String table = table("encoded_" + encoding);
      HttpResponse<String> insert =
          send(
              authorized("query=" + encode("INSERT INTO " + table + " FORMAT TSV"))
                  .header("Content-Encoding", encoding),
              compress(encoding, TSV.getBytes(StandardCharsets.UTF_8)));
      assertThat(insert.statusCode()).as(insert.body()).isEqualTo(200);
      assertThat(query("SELECT * FROM " + table + " ORDER BY n")).isEqualTo(expected);
    }
    String table = table("encoded_values");
    HttpResponse<String> values =
        send(
            authorized("").header("Content-Encoding", "gzip"),
            compress(
                "gzip",
                ("INSERT INTO " + table + " VALUES (1, '压缩'), (2, '')")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(values.statusCode()).as(values.body()).isEqualTo(200);
    assertThat(query("SELECT * FROM " + table + " ORDER BY n")).isEqualTo("1\t压缩\n2\t\n");
  }

  @Test
  void refusesBodiesItCannotDecodeAndStoresNothing() throws Exception {
    String table = table("undecodable");
    String insert = "query=" + encode("INSERT INTO " + table + " FORMAT TSV");
    byte[] gzip = compress("gzip", TSV.getBytes(StandardCharsets.UTF_8));
    byte[] truncated = java.util.Arrays.copyOf(gzip, gzip.length / 2);

    HttpResponse<String> cut =
        send(authorized(insert).header("Content-Encoding", "gzip"), truncated);
    assertThat(cut.statusCode()).as(cut.body()).isEqualTo(400);
    assertThat(cut.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("354");
    assertThat(cut.body()).contains("not valid gzip data");

    HttpResponse<String> plain =
        send(
            authorized(insert).header("Content-Encoding", "gzip"),
            TSV.getBytes(StandardCharsets.UTF_8));
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(400);

    HttpResponse<String> zstd = send(authorized(insert).header("Content-Encoding", "zstd"), gzip);
    assertThat(zstd.statusCode()).as(zstd.body()).isEqualTo(501);
    assertThat(zstd.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("48");
    assertThat(zstd.body()).contains("Content-Encoding 'zstd' is not supported");

    assertThat(query("SELECT count() FROM " + table)).isEqualTo("0\n");
  }

  @Test
  void compressesAnswersWhenAskedAsAServerDoes() throws Exception {
    String sql = "SELECT number, toString(number) FROM numbers(5000)";
    HttpResponse<byte[]> gzip =
        http.send(
            authorized("enable_http_compression=1")
                .header("Accept-Encoding", "gzip, deflate")
                .POST(BodyPublishers.ofString(sql))
                .build(),
            BodyHandlers.ofByteArray());
    assertThat(gzip.statusCode()).isEqualTo(200);
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(query(sql));
    }
    HttpResponse<String> plain =
        send(authorized("").header("Accept-Encoding", "gzip"), "SELECT 'not asked'");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.body()).isEqualTo("not asked\n");
  }

  @Test
  void refusesSessionsClearly() throws Exception {
    HttpResponse<String> response =
        send(authorized("session_id=s1"), "CREATE TEMPORARY TABLE scratch (x UInt8)");
    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("48");
    assertThat(response.body())
        .startsWith("Code: 48. DB::Exception: Sessions are not supported by this local ClickHouse")
        .contains("session_id=s1");
  }

  @Test
  void getIsReadOnly() throws Exception {
    String table = table("read_only");
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
      HttpResponse<String> refused = get("query=" + encode(sql));
      assertThat(refused.statusCode()).as(sql + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("164");
      assertThat(refused.body()).startsWith(readonly);
    }
    assertThat(query("SELECT count() FROM " + table)).isEqualTo("0\n");
    assertThat(query("EXISTS TABLE " + table + "_2")).isEqualTo("0\n");

    assertThat(get("query=" + encode("SELECT 40 + 2")).body()).isEqualTo("42\n");
    assertThat(get("query=" + encode("SET max_threads = 1; WITH 1 AS x SELECT x")).body())
        .isEqualTo("1\n");
    assertThat(get("").body()).isEqualTo("Ok.\n");
    assertThat(send(authorized(""), "INSERT INTO " + table + " VALUES (1, 'post')").statusCode())
        .as("POST still writes")
        .isEqualTo(200);
  }

  @Test
  void aReadOnlyRequestCannotLeaveTheSharedEngineReadOnly() throws Exception {
    String table = table("after_readonly");
    HttpResponse<String> read = send(authorized("readonly=1"), "SELECT 1");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    HttpResponse<String> write =
        send(authorized("readonly=1"), "INSERT INTO " + table + " VALUES (1, 'x')");
    assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
    assertThat(write.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("164");
    HttpResponse<String> set = send(authorized(""), "SET max_threads = 2, readonly = 1");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(501);
    assertThat(set.body()).contains("SET readonly is not supported");

    HttpResponse<String> later =
        send(authorized(""), "INSERT INTO " + table + " VALUES (2, 'still writable')");
    assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
    assertThat(query("SELECT n, s, getSetting('readonly') FROM " + table))
        .isEqualTo("2\tstill writable\t0\n");
  }

  @Test
  void anInsertErrorSpeaksOfTheRequestBodyNotOfASpoolFile() throws Exception {
    String table = table("bad_rows");
    HttpResponse<String> response =
        send(
            authorized("query=" + encode("INSERT INTO " + table + " FORMAT TSV")),
            "1\tok\nnot-a-number\tbad\n");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .contains("DB::Exception")
        .contains("the request body")
        .doesNotContain("spool")
        .doesNotContain(".data")
        .doesNotContain("INFILE")
        .doesNotContain(System.getProperty("java.io.tmpdir"));
    assertThat(query("SELECT count() FROM " + table)).isEqualTo("0\n");
  }

  private String table(String name) throws Exception {
    String table = CLICKHOUSE.database() + "." + name;
    HttpResponse<String> created =
        send(authorized(""), "CREATE TABLE " + table + " (n UInt32, s String) ENGINE = Memory");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return table;
  }

  private String query(String sql) throws Exception {
    HttpResponse<String> response = send(authorized(""), sql);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> get(String rawQuery) throws Exception {
    return http.send(authorized(rawQuery).GET().build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String body)
      throws IOException, InterruptedException {
    return send(request, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, byte[] body)
      throws IOException, InterruptedException {
    return http.send(
        request.POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
  }

  private static HttpRequest.Builder anonymous(String rawQuery) {
    return HttpRequest.newBuilder(URI.create(CLICKHOUSE.httpUrl() + "/?" + rawQuery));
  }

  private static HttpRequest.Builder authorized(String rawQuery) {
    return anonymous(rawQuery).header("Authorization", CLICKHOUSE.basicAuthorization());
  }

  private static byte[] compress(String encoding, byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var compressed =
        encoding.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
      compressed.write(data);
    }
    return out.toByteArray();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
