package io.liangshai.reports.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.charset.StandardCharsets;

/** A snapshot as UTF-8 JSON with snake_case keys, the form it is stored and served in. */
public final class SnapshotJson {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private SnapshotJson() {}

  public static byte[] write(BulletinSnapshot snapshot) {
    try {
      return JSON.writeValueAsString(snapshot).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write snapshot " + snapshot.id(), e);
    }
  }

  public static BulletinSnapshot read(byte[] json) {
    try {
      return JSON.readValue(json, BulletinSnapshot.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored snapshot does not parse: " + e.getMessage(), e);
    }
  }
}
