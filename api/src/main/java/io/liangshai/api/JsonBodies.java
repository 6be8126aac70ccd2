package io.liangshai.api;

import io.liangshai.core.ranking.InvalidSchemeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * JSON request bodies and their field errors: a 400 whose body names the field at fault, {@code
 * {"status": 400, "error": "bad_request", "message": "indicators[1].weight: ...", "field":
 * "indicators[1].weight"}}.
 */
final class JsonBodies {

  private JsonBodies() {}

  /** A wrong field of a JSON body. */
  static final class InvalidField extends RuntimeException {
    private final String field;

    InvalidField(String field, String message) {
      super(field + ": " + message);
      this.field = field;
    }

    String field() {
      return field;
    }
  }

  /** The body as a JSON object; 400 when it is missing or not one. */
  static JsonObject object(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw ApiException.badRequest("a JSON object body is required");
    }
    Object value;
    try {
      value = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw ApiException.badRequest("body must be a JSON object: " + e.getMessage());
    }
    if (value == null) {
      throw ApiException.badRequest("a JSON object body is required");
    }
    return (JsonObject) value;
  }

  static InvalidField invalid(String field, String message) {
    return new InvalidField(field, message);
  }

  /** {@code e} with its field under {@code prefix}, e.g. {@code scheme.} + {@code name}. */
  static InvalidField invalid(String prefix, InvalidSchemeException e) {
    String own = e.field() + ": ";
    String message = e.getMessage();
    return new InvalidField(
        prefix + e.field(), message.startsWith(own) ? message.substring(own.length()) : message);
  }

  /** Answers 400 naming the field. */
  static void reject(RoutingContext ctx, InvalidField e) {
    ApiResponses.json(
        ctx,
        400,
        new JsonObject()
            .put("status", 400)
            .put("error", "bad_request")
            .put("message", e.getMessage())
            .put("field", e.field()));
  }
}
