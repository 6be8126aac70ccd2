package io.liangshai.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI document of {@code /api/v1}: the source of truth for the HTTP contract. */
public final class OpenApiDocument {

  public static final String RESOURCE = "/openapi/openapi.yaml";

  private static final String TEXT = load();

  private OpenApiDocument() {}

  public static String text() {
    return TEXT;
  }

  private static String load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
