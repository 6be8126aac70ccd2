package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document parses, and every {@code $ref} in it points at something. */
class OpenApiDocumentTest {

  static JsonNode document() throws Exception {
    return new YAMLMapper().readTree(OpenApiDocument.text());
  }

  @Test
  void isValidYaml() throws Exception {
    JsonNode doc = document();

    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("paths").size()).isPositive();
  }

  @Test
  void everyReferenceResolves() throws Exception {
    JsonNode doc = document();
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  @Test
  void documentsTheLeagueTableAndSchemeRoutes() throws Exception {
    JsonNode paths = document().get("paths");

    assertThat(methods(paths, "/rankings")).contains("get");
    assertThat(methods(paths, "/rankings/preview")).contains("post");
    assertThat(methods(paths, "/schemes")).contains("get", "post");
    assertThat(methods(paths, "/schemes/{id}/retire")).contains("post");
  }

  @Test
  void documentsTheBatchErrorDownloadAndTheErrorTotal() throws Exception {
    JsonNode doc = document();

    assertThat(methods(doc.get("paths"), "/batches/{batch_id}/errors")).contains("get");
    assertThat(doc.at("/components/schemas/BatchResult/properties/errors_total").isMissingNode())
        .isFalse();
  }

  static Set<String> methods(JsonNode paths, String path) {
    JsonNode item = paths.get(path);
    assertThat(item).as(path + " is documented").isNotNull();
    Set<String> methods = new java.util.TreeSet<>();
    item.fieldNames()
        .forEachRemaining(
            name -> {
              if (Set.of("get", "post", "put", "patch", "delete").contains(name)) {
                methods.add(name);
              }
            });
    return methods;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asText());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
