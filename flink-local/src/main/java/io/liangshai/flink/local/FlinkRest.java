package io.liangshai.flink.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A Flink cluster's REST API, as the JobManager serves it: jars in, jobs run, stopped, read. */
public final class FlinkRest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final String restUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  public FlinkRest(String restUrl) {
    this.restUrl = restUrl;
  }

  /**
   * Uploads {@code jar} and runs {@code entryClass} from it with {@code args} at {@code
   * parallelism}; the job's id.
   */
  public String submit(Path jar, String entryClass, List<String> args, int parallelism) {
    return submit(jar, entryClass, args, parallelism, null);
  }

  /**
   * As {@link #submit(Path, String, List, int)}, the job's state restored from {@code savepoint} (a
   * path {@link #stopWithSavepoint} gave; {@code null}: none).
   */
  public String submit(
      Path jar, String entryClass, List<String> args, int parallelism, String savepoint) {
    String boundary = "----liangshai" + UUID.randomUUID();
    try {
      byte[] head =
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                  + jar.getFileName()
                  + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      HttpRequest upload =
          HttpRequest.newBuilder(URI.create(restUrl + "/jars/upload"))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(
                  HttpRequest.BodyPublishers.concat(
                      HttpRequest.BodyPublishers.ofByteArray(head),
                      HttpRequest.BodyPublishers.ofFile(jar),
                      HttpRequest.BodyPublishers.ofByteArray(tail)))
              .build();
      JsonNode uploaded = send(upload, "upload " + jar.getFileName());
      String filename = Path.of(uploaded.path("filename").asText()).getFileName().toString();
      Map<String, Object> request = new java.util.LinkedHashMap<>();
      request.put("entryClass", entryClass);
      request.put("programArgsList", args);
      request.put("parallelism", parallelism);
      if (savepoint != null) {
        request.put("savepointPath", savepoint);
      }
      return postJson("/jars/" + filename + "/run", request, "run " + entryClass)
          .path("jobid")
          .asText();
    } catch (IOException e) {
      throw new LocalFlinkException("could not submit " + jar + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stops {@code job} with a savepoint under {@code directory} (the upgrade path: stop, then submit
   * the new jar from the savepoint) and waits for it; the savepoint's path.
   */
  public String stopWithSavepoint(String job, Path directory) {
    try {
      String trigger =
          postJson(
                  "/jobs/" + job + "/stop",
                  Map.of("targetDirectory", directory.toUri().toString(), "drain", false),
                  "stop " + job)
              .path("request-id")
              .asText();
      long deadline = System.nanoTime() + STARTUP.toNanos();
      while (System.nanoTime() < deadline) {
        JsonNode status = get("/jobs/" + job + "/savepoints/" + trigger);
        if ("COMPLETED".equals(status.at("/status/id").asText())) {
          JsonNode operation = status.path("operation");
          if (operation.has("failure-cause")) {
            throw new LocalFlinkException(
                "the savepoint of " + job + " failed: " + operation.path("failure-cause"));
          }
          return operation.path("location").asText();
        }
        Thread.sleep(200);
      }
      throw new LocalFlinkException("the savepoint of " + job + " did not complete in " + STARTUP);
    } catch (IOException e) {
      throw new LocalFlinkException("could not stop " + job + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalFlinkException("interrupted while stopping " + job, e);
    }
  }

  /**
   * The number N of a TaskManager ({@code taskmanager-N}, as {@link LocalFlinkCluster} names them)
   * that runs a task of {@code job}'s first vertex now.
   */
  public int busyTaskManager(String job) {
    String vertex = get("/jobs/" + job).path("vertices").path(0).path("id").asText();
    for (JsonNode tm :
        get("/jobs/" + job + "/vertices/" + vertex + "/taskmanagers").path("taskmanagers")) {
      String id = tm.path("taskmanager-id").asText();
      if (id.startsWith(FlinkChildren.TASK_MANAGER_PREFIX)) {
        return Integer.parseInt(id.substring(FlinkChildren.TASK_MANAGER_PREFIX.length()));
      }
    }
    throw new LocalFlinkException("no TaskManager of this cluster runs a task of " + job);
  }

  /**
   * How often {@code job} restarted, as its {@code numRestarts} metric says — as of the
   * JobManager's last metrics fetch ({@code metrics.fetcher.update-interval}), so it may lag.
   */
  public long restarts(String job) {
    JsonNode metrics = get("/jobs/" + job + "/metrics?get=numRestarts");
    return metrics.size() == 0 ? 0 : metrics.get(0).path("value").asLong();
  }

  /** {@code GET path} of the REST API as JSON. */
  public JsonNode get(String path) {
    return send(HttpRequest.newBuilder(URI.create(restUrl + path)).GET().build(), "GET " + path);
  }

  /** {@code POST path} with {@code body} as JSON; the answer as JSON. */
  private JsonNode postJson(String path, Object body, String what) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(restUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        what);
  }

  private JsonNode send(HttpRequest request, String what) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new LocalFlinkException(what + ": HTTP " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new LocalFlinkException(what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalFlinkException(what + ": interrupted", e);
    }
  }
}
