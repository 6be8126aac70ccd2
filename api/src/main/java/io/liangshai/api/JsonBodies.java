package io.liangshai.api;

import io.liangshai.core.ranking.InvalidSchemeException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
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
      super(field.isEmpty() ? "the body " + message : field + ": " + message);
      this.field = field;
    }

    String field() {
      return field;
    }
  }

  /**
   * The body as a JSON object; else a 400 whose {@code field} is {@code ""} (the body as a whole):
   * missing, not JSON, or JSON of another type (an array, a string, a number...).
   */
  static JsonObject object(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw new InvalidField("", "is required: a JSON object");
    }
    Object value;
    try {
      value = Json.decodeValue(ctx.body().buffer());
    } catch (DecodeException e) {
      throw new InvalidField("", "is not valid JSON; expected a JSON object");
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new InvalidField("", "must be a JSON object, got " + kind(value));
  }

  private static String kind(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof JsonArray) {
      return "an array";
    } else if (value instanceof String) {
      return "a string";
    } else if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
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
    ApiResponses.json(ctx, 400, body(e));
  }

  /** The body of the 400 for {@code e}. */
  static JsonObject body(InvalidField e) {
    return new JsonObject()
        .put("status", 400)
        .put("error", "bad_request")
        .put("message", e.getMessage())
        .put("field", e.field());
  }
}
