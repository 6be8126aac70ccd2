package io.liangshai.clickhouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ClickHouse HTTP interface, as curl or any HTTP client sees it. */
class HttpFrontITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private final FrontRequests front = new FrontRequests(CLICKHOUSE);

  @Test
  void answersPing() throws Exception {
    HttpResponse<String> response = front.ping();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Ok.\n");
  }

  @Test
  void reportsEngineErrorsAsHttp500WithTheExceptionCode() throws Exception {
    HttpResponse<String> response = post(Map.of(), "SELEC 1");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("62");
    assertThat(response.body()).startsWith("Code: 62. DB::Exception: Syntax error");
  }

  @Test
  void joinsTheUrlQueryAndTheBodyWithALineBreak() throws Exception {
    HttpResponse<String> response = post(Map.of("query", "SELECT 40 +"), "2");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("42\n");
    assertThat(response.headers().firstValue("X-ClickHouse-Format")).hasValue("TabSeparated");
    assertThat(response.headers().firstValue("X-ClickHouse-Query-Id")).isPresent();
    assertThat(response.headers().firstValue("X-ClickHouse-Summary"))
        .hasValueSatisfying(s -> assertThat(s).contains("\"result_rows\":\"1\""));
  }

  @Test
  void rendersTheRequestedFormat() throws Exception {
    assertThat(post(Map.of("default_format", "JSONEachRow"), "SELECT 1 AS x").body())
        .isEqualTo("{\"x\":1}\n");
    HttpResponse<String> csv =
        front.send(request(Map.of()).header("X-ClickHouse-Format", "CSV"), "SELECT 'a', 1");
    assertThat(csv.body()).isEqualTo("\"a\",1\n");
    assertThat(csv.headers().firstValue("X-ClickHouse-Format")).hasValue("CSV");
    HttpResponse<String> declared = post(Map.of(), "SELECT 2 AS y FORMAT JSONEachRow");
    assertThat(declared.headers().firstValue("X-ClickHouse-Format")).hasValue("JSONEachRow");
  }

  @Test
  void runsInTheRequestedDatabase() throws Exception {
    assertThat(post(Map.of("database", CLICKHOUSE.database()), "SELECT currentDatabase()").body())
        .isEqualTo(CLICKHOUSE.database() + "\n");
    assertThat(
            front
                .send(
                    request(Map.of()).header("X-ClickHouse-Database", CLICKHOUSE.database()),
                    "SELECT currentDatabase()")
                .body())
        .isEqualTo(CLICKHOUSE.database() + "\n");
    assertThat(post(Map.of(), "SELECT currentDatabase()").body()).isEqualTo("default\n");
  }

  @Test
  void settingsOfOneRequestDoNotLeakIntoTheNext() throws Exception {
    Map<String, String> settings =
        Map.of(
            "max_result_rows", "3",
            "result_overflow_mode", "break",
            "session_timezone", "Asia/Shanghai");
    HttpResponse<String> with =
        post(
            settings, "SELECT getSetting('max_result_rows'), timezone(), count() FROM numbers(10)");
    assertThat(with.body()).isEqualTo("3\tAsia/Shanghai\t10\n");
    assertThat(with.headers().firstValue("X-ClickHouse-Timezone")).hasValue("Asia/Shanghai");

    HttpResponse<String> without =
        post(Map.of(), "SELECT getSetting('max_result_rows'), timezone() != 'Asia/Shanghai'");
    assertThat(without.body()).isEqualTo("0\t1\n");
  }

  @Test
  void setAndUseInsideAStatementLastOnlyForThatRequest() throws Exception {
    assertThat(post(Map.of(), "SET max_result_rows = 5").statusCode()).isEqualTo(200);
    assertThat(post(Map.of(), "USE system").statusCode()).isEqualTo(200);
    assertThat(post(Map.of(), "SELECT getSetting('max_result_rows'), currentDatabase()").body())
        .isEqualTo("0\tdefault\n");
  }

  @Test
  void temporaryTablesLastOnlyForTheirRequest() throws Exception {
    assertThat(post(Map.of(), "CREATE TEMPORARY TABLE scratch (x UInt8)").statusCode())
        .isEqualTo(200);
    HttpResponse<String> later = post(Map.of(), "SELECT count() FROM scratch");
    assertThat(later.statusCode()).isEqualTo(500);
    assertThat(later.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("60");
  }

  @Test
  void rejectsAnUnknownSettingAndCarriesOn() throws Exception {
    HttpResponse<String> response = post(Map.of("no_such_setting", "1"), "SELECT 1");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("115");
    assertThat(post(Map.of(), "SELECT 1").body()).isEqualTo("1\n");
  }

  @Test
  void bindsQueryParametersWithoutInterpolation() throws Exception {
    Map<String, String> params =
        Map.of("param_id", "21", "param_name", "O'Brien 晾晒'); DROP TABLE x; --");
    HttpResponse<String> response =
        post(params, "SELECT {id:UInt32} * 2, {name:String}, length({name:String})");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("42\tO\\'Brien 晾晒\\'); DROP TABLE x; --\t" + 34 + "\n");
  }

  @Test
  void insertsRowBinaryBodiesWhateverBytesTheyHold() throws Exception {
    String table = CLICKHOUSE.database() + ".raw";
    assertThat(
            post(Map.of(), "CREATE TABLE " + table + " (id UInt32, s String) ENGINE = Memory")
                .statusCode())
        .isEqualTo(200);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int rows = 20_000; // ids 2570 and 2571 begin with "\n\n"
    for (int i = 0; i < rows; i++) {
      data.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(i).array());
      byte[] s = ("行" + i + "\0\n\n'").getBytes(StandardCharsets.UTF_8);
      data.write(s.length);
      data.write(s);
    }
    HttpResponse<String> insert =
        front.send(
            request(Map.of("query", "INSERT INTO " + table + " FORMAT RowBinary")),
            data.toByteArray());
    assertThat(insert.statusCode()).as(insert.body()).isEqualTo(200);
    assertThat(insert.headers().firstValue("X-ClickHouse-Summary"))
        .hasValueSatisfying(s -> assertThat(s).contains("\"written_rows\":\"" + rows + "\""));
    assertThat(
            post(Map.of(), "SELECT count(), sum(id), any(s) FROM " + table + " WHERE id = 7")
                .body())
        .isEqualTo("1\t7\t行7\\0\\n\\n\\'\n");
    assertThat(post(Map.of(), "SELECT count() FROM " + table).body()).isEqualTo(rows + "\n");
  }

  @Test
  void streamsLargeTextInsertsWithEmptyLines() throws Exception {
    String table = CLICKHOUSE.database() + ".lines";
    post(Map.of(), "CREATE TABLE " + table + " (n UInt32, s String) ENGINE = Memory");
    int rows = 300_000;
    InputStream body = new TsvRows(rows);
    HttpRequest request =
        request(Map.of())
            .POST(
                BodyPublishers.ofInputStream(
                    () ->
                        new java.io.SequenceInputStream(
                            new java.io.ByteArrayInputStream(
                                ("INSERT INTO " + table + " FORMAT TSV\n")
                                    .getBytes(StandardCharsets.UTF_8)),
                            body)))
            .build();
    HttpResponse<String> insert = front.send(request);
    assertThat(insert.statusCode()).as(insert.body()).isEqualTo(200);
    assertThat(post(Map.of(), "SELECT count(), countIf(s = '') FROM " + table).body())
        .isEqualTo(rows + "\t" + rows / 2 + "\n");
  }

  @Test
  void refusesCompressedBodiesWithAnActionableMessage() throws Exception {
    HttpResponse<String> response = post(Map.of("compress", "1"), "SELECT 1");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("48");
    assertThat(response.body()).contains("compress=false");
  }

  private HttpResponse<String> post(Map<String, String> params, String body)
      throws IOException, InterruptedException {
    return front.send(request(params), body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(Map<String, String> params) {
    return front.authorized(
        params.entrySet().stream()
            .map(e -> FrontRequests.encode(e.getKey()) + "=" + FrontRequests.encode(e.getValue()))
            .collect(Collectors.joining("&")));
  }

  /** {@code n\ts} lines, every other one with an empty {@code s}: blank-looking data. */
  private static final class TsvRows extends InputStream {
    private final int rows;
    private int row;
    private byte[] line = new byte[0];
    private int pos;

    TsvRows(int rows) {
      this.rows = rows;
    }

    @Override
    public int read() {
      if (pos == line.length) {
        if (row == rows) {
          return -1;
        }
        line =
            (row + "\t" + (row % 2 == 0 ? "" : "值" + row) + "\n").getBytes(StandardCharsets.UTF_8);
        row++;
        pos = 0;
      }
      return line[pos++] & 0xff;
    }
  }
}
