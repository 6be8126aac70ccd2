package io.liangshai.clickhouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official ClickHouse JavaScript client, {@code @clickhouse/client} from npm, unchanged against
 * the local front: it inserts rows with and without request compression (gzip), reads them back
 * with and without response compression, and exactly what it sent is stored. The package is
 * installed with npm into {@code target/node-clickhouse-client}; if npm or node cannot run, the
 * test fails with their output — it never skips.
 */
class NodeClickHouseClientITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  static final String CLIENT_VERSION = "1.23.1";
  private static final Path HOME = Path.of("target", "node-clickhouse-client").toAbsolutePath();
  private static final String SCRIPT = "clickhouse-client-roundtrip.cjs";

  @BeforeAll
  static void installClient() throws Exception {
    Path installed = HOME.resolve("node_modules/@clickhouse/client/package.json");
    if (!Files.isRegularFile(installed)
        || !Files.readString(installed).contains("\"version\": \"" + CLIENT_VERSION + "\"")) {
      Files.createDirectories(HOME);
      Files.writeString(
          HOME.resolve("package.json"),
          "{\"private\": true, \"dependencies\": {\"@clickhouse/client\": \""
              + CLIENT_VERSION
              + "\"}}\n");
      run(List.of("npm", "install", "--no-audit", "--no-fund"), HOME, List.of(), 300);
    }
    try (InputStream script =
        NodeClickHouseClientITCase.class.getResourceAsStream("/node/" + SCRIPT)) {
      assertThat(script).as("test resource node/" + SCRIPT).isNotNull();
      Files.copy(script, HOME.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void storesExactlyWhatTheClientSentWithAndWithoutCompression() throws Exception {
    List<String> texts = texts(3_000);
    Path rows = HOME.resolve("rows.json");
    Files.writeString(rows, json(texts), StandardCharsets.UTF_8);

    String output =
        run(
            List.of("node", SCRIPT, rows.toString()),
            HOME,
            List.of(
                "CH_URL=" + CLICKHOUSE.httpUrl(),
                "CH_USER=" + CLICKHOUSE.user(),
                "CH_PASSWORD=" + CLICKHOUSE.password(),
                "CH_DATABASE=" + CLICKHOUSE.database()),
            180);

    assertThat(output)
        .contains("stored plain rows=" + texts.size() + " equal=true")
        .contains("stored gzip rows=" + texts.size() + " equal=true")
        .contains("request plain insert content-encoding= accept-encoding= status=200")
        .contains("request gzip insert content-encoding=gzip")
        .containsPattern("request gzip insert content-encoding=gzip \\S+ status=200")
        .contains("request gzip select content-encoding= accept-encoding=gzip status=200")
        .contains("response-encoding=gzip")
        .containsPattern("wrong-password rejected: .*Authentication failed");
    assertThat(stored("js_plain")).containsExactlyElementsOf(texts);
    assertThat(stored("js_gzip")).containsExactlyElementsOf(texts);
  }

  /** Text that any layer could get wrong: quotes, escapes, blank lines, CJK, emoji, long runs. */
  private static List<String> texts(int n) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      texts.add(
          switch (i % 5) {
            case 0 -> "";
            case 1 -> "案件 " + i + " 'single' \"double\" \\back\\slash";
            case 2 -> "line\n\nafter a blank line\tand a tab\r\n";
            case 3 -> "😀 " + "重复的内容".repeat(i % 50);
            default -> "{\"looks\": \"like json\"} " + i;
          });
    }
    return texts;
  }

  private static String json(List<String> texts) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < texts.size(); i++) {
      out.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"text\":\"");
      for (char c : texts.get(i).toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append("\"}");
    }
    return out.append("]").toString();
  }

  private static List<String> stored(String table) throws Exception {
    List<String> texts = new ArrayList<>();
    try (Connection c = CLICKHOUSE.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, text FROM " + table + " ORDER BY id")) {
      while (rs.next()) {
        assertThat(rs.getInt(1)).isEqualTo(texts.size());
        texts.add(rs.getString(2));
      }
    }
    return texts;
  }

  /** Runs {@code command} in {@code dir}; fails the test with its output unless it exits 0. */
  private static String run(List<String> command, Path dir, List<String> env, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(HOME, "run-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    for (String variable : env) {
      int eq = variable.indexOf('=');
      builder.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(
          "cannot run " + command.get(0) + " (Node 20+ and npm are needed for this test)", e);
    }
    boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    assertThat(exited && process.exitValue() == 0)
        .as(
            "%s in %s (exit %s):%n%s",
            command, dir, exited ? process.exitValue() : "timeout", output)
        .isTrue();
    return output;
  }
}
