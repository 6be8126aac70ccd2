package io.liangshai.api;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An upload while PostgreSQL cannot take its versions (the table renamed away, in this class's own
 * database): 503 with {@code Retry-After} and a reason that names PostgreSQL but not the driver's
 * text, nothing of the batch kept in the landing zone; sent again once PostgreSQL can take it, the
 * same body is accepted whole.
 */
class IntakeUnavailableITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer();

  private static final String COUNTY = "330522";

  @Test
  void anUploadPostgresCannotTakeAnswers503WithRetryAfterAndKeepsNothing() throws Exception {
    String key = API.issueKey(COUNTY);
    Buffer body =
        Buffer.buffer(
            new JsonObject(aCase().caseId("u-1").row()).encode()
                + "\n"
                + new JsonObject(aCase().caseId("u-2").row()).encode()
                + "\n");
    long rawBefore = rawBodies();
    try (var c = API.metadata().getConnection();
        var st = c.createStatement()) {
      st.execute("ALTER TABLE record_versions RENAME TO record_versions_away");
      try {
        HttpResponse<Buffer> refused = API.upload(key, "application/x-ndjson", body);
        assertThat(refused.statusCode()).as(Answers.describe(refused)).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        JsonObject reason = refused.bodyAsJsonObject();
        assertThat(reason.getString("error")).isEqualTo("unavailable");
        assertThat(reason.getString("message"))
            .contains("PostgreSQL", "send it again")
            .doesNotContain("PSQLException", "record_versions", "relation");
        assertThat(rawBodies()).as("nothing of the batch kept").isEqualTo(rawBefore);
      } finally {
        st.execute("ALTER TABLE record_versions_away RENAME TO record_versions");
      }
    }
    HttpResponse<Buffer> again = API.upload(key, "application/x-ndjson", body);
    assertThat(again.statusCode()).as(Answers.describe(again)).isEqualTo(200);
    assertThat(again.bodyAsJsonObject().getInteger("accepted")).isEqualTo(2);
    assertThat(rawBodies()).isEqualTo(rawBefore + 1);
  }

  private static long rawBodies() throws Exception {
    Path raw = API.landing().resolve("raw");
    if (!Files.isDirectory(raw)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(raw)) {
      return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }
  }
}
