package io.liangshai.core.record;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How case records are read from JSON, the same at the door (ingest's JSON and JSON Lines bodies)
 * and in the job ({@link CaseRecordCodec#fromJson}): one set of Jackson {@link
 * StreamReadConstraints} and at most {@value #MAX_FIELDS} fields per object (SPEC §2). Whatever the
 * intake accepted was read under these limits and is written back well inside them (a canonical
 * record has 16 fields and texts of at most 4,000 code points), so the job never meets a record it
 * cannot read.
 */
public final class CaseJson {

  /** Fields of one JSON object, at most; a case record has 16. */
  public static final int MAX_FIELDS = 64;

  /** Characters of one JSON string value, at most (a description may have 4,000 code points). */
  public static final int MAX_STRING_LENGTH = 1_000_000;

  /** Nesting of JSON arrays and objects, at most. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Characters of one JSON number, at most. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /** Characters of one field name, at most. */
  public static final int MAX_NAME_LENGTH = 1_000;

  /** The one definition of the Jackson read limits for case records. */
  public static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxNameLength(MAX_NAME_LENGTH)
          .build();

  private CaseJson() {}

  /** A JSON factory builder with {@link #CONSTRAINTS}, for a reader to add its own features. */
  public static JsonFactoryBuilder factoryBuilder() {
    return new JsonFactoryBuilder().streamReadConstraints(CONSTRAINTS);
  }

  /**
   * The fields of one JSON object, or why the object is not a row.
   *
   * @param values field name to value: strings, numbers, booleans, nulls; a nested object or array
   *     is kept as an empty {@code Map} or {@code List} (no case field takes one), so it is
   *     reported by type without being built
   * @param problem empty, or what is wrong with the object as a whole
   */
  public record Fields(Map<String, Object> values, Optional<Problem> problem) {}

  /**
   * Reads the object whose {@code START_OBJECT} the parser has just returned, leaving the parser at
   * its {@code END_OBJECT}. Stops collecting past {@value #MAX_FIELDS} fields and skips the rest
   * with the parser, so an object with 300,000 keys costs one pass and no 300,000-entry map.
   *
   * @throws IOException when the JSON itself is malformed (or breaks {@link #CONSTRAINTS})
   */
  public static Fields readObject(JsonParser parser) throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (values.size() == MAX_FIELDS) {
        skipRest(parser);
        return problem(
            Problem.of(
                ErrorCode.ROW_TOO_MANY_FIELDS,
                "the object has more than "
                    + MAX_FIELDS
                    + " fields; a case record has "
                    + CaseField.values().length,
                "max",
                MAX_FIELDS,
                "fields",
                CaseField.values().length));
      }
      Object value = value(parser, parser.nextToken());
      if (values.containsKey(name)) {
        parser.nextToken();
        skipRest(parser);
        return problem(
            Problem.of(
                ErrorCode.ROW_DUPLICATE_FIELD,
                "field " + Texts.quote(name) + " appears twice in the object",
                "name",
                Texts.cut(name)));
      }
      values.put(name, value);
    }
    return new Fields(values, Optional.empty());
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      return null; // the parser reports the end of input itself on the next read
    }
    return switch (token) {
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case START_OBJECT -> {
        parser.skipChildren();
        yield Map.of();
      }
      case START_ARRAY -> {
        parser.skipChildren();
        yield List.of();
      }
      default -> null;
    };
  }

  /**
   * From the field name the parser is at (or its {@code END_OBJECT}) to that {@code END_OBJECT}.
   */
  private static void skipRest(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    while (token == JsonToken.FIELD_NAME) {
      parser.nextToken();
      parser.skipChildren();
      token = parser.nextToken();
    }
  }

  private static Fields problem(Problem problem) {
    return new Fields(Map.of(), Optional.of(problem));
  }
}
