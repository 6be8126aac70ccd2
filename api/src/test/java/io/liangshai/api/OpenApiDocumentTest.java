package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document parses strictly (swagger-parser has no message about it), every {@code $ref}
 * in it points at something, and every operation documents the statuses every route serves (a bad
 * query string, no key, out of scope, over the rate limit, the key store or warehouse unavailable,
 * and the HTTP server's own refusals of a request line or headers too long).
 */
class OpenApiDocumentTest {

  static JsonNode document() throws Exception {
    return new YAMLMapper().readTree(OpenApiDocument.text());
  }

  /** The document as swagger-parser reads it, resolving every reference. */
  static SwaggerParseResult parsed() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    return new OpenAPIV3Parser().readContents(OpenApiDocument.text(), null, options);
  }

  @Test
  void swaggerParserFindsNothingToSay() {
    SwaggerParseResult result = parsed();

    assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
    assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
  }

  @Test
  void everyOperationDocumentsTheStatusesEveryRouteServes() {
    OpenAPI api = parsed().getOpenAPI();
    List<String> missing = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          Set<String> served =
                              op.getSecurity() != null && op.getSecurity().isEmpty()
                                  ? Set.of("400", "414", "431")
                                  : Set.of("400", "401", "403", "414", "429", "431", "503");
                          for (String status : served) {
                            if (!op.getResponses().containsKey(status)) {
                              missing.add(method + " " + path + " " + status);
                            }
                          }
                        }));

    assertThat(missing).isEmpty();
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
