package io.liangshai.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-read form of {@link OffsetTimestamps} against {@code ISO_OFFSET_DATE_TIME} itself: for
 * every text, the same instant or the same refusal.
 */
class OffsetTimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-01-02T08:30:00+08:00",
        "2024-01-02T08:30:00Z",
        "2024-02-29T23:59:59.999999999-05:30",
        "2024-12-31T00:00:00.1+18:00",
        "0000-01-01T00:00:00-18:00",
        "2023-06-15T12:00:00.123456-00:00",
        "2024-01-02T08:30:00.000+08:00",
        "2024-01-02t08:30:00+08:00",
        "2024-01-02T08:30:00z",
        "2024-01-02T08:30+08:00",
        "2024-01-02T08:30:00+08:00:00"
      })
  void readsTheCommonFormAsTheFormatterDoes(String text) {
    assertThat(OffsetTimestamps.parse(text)).isEqualTo(iso(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-02-29T08:30:00+08:00",
        "2024-13-02T08:30:00+08:00",
        "2024-01-02T24:00:00+08:00",
        "2024-01-02T08:60:00+08:00",
        "2024-01-02T08:30:60+08:00",
        "2024-01-02T08:30:00+18:01",
        "2024-01-02T08:30:00.1234567890Z",
        "2024-01-02T08:30:00",
        "2024-01-02 08:30:00+08:00",
        "２０２４-01-02T08:30:00+08:00"
      })
  void refusesWhatTheFormatterRefuses(String text) {
    assertThatThrownBy(() -> iso(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> OffsetTimestamps.parse(text))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void agreesWithTheFormatterOnGeneratedTexts() {
    Random random = new Random(20261203);
    String[] alphabet = {"0", "1", "2", "5", "9", "-", ":", "T", ".", "Z", "+", " ", "t", "٣"};
    int fastForm = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder s = new StringBuilder(valid(random));
      int mutations = random.nextInt(3);
      for (int m = 0; m < mutations && s.length() > 0; m++) {
        int at = random.nextInt(s.length());
        switch (random.nextInt(3)) {
          case 0 -> s.setCharAt(at, alphabet[random.nextInt(alphabet.length)].charAt(0));
          case 1 -> s.deleteCharAt(at);
          default -> s.insert(at, alphabet[random.nextInt(alphabet.length)]);
        }
      }
      String text = s.toString();
      Instant expected;
      try {
        expected = iso(text);
      } catch (DateTimeParseException refused) {
        assertThatThrownBy(() -> OffsetTimestamps.parse(text))
            .as(text)
            .isInstanceOf(DateTimeParseException.class);
        continue;
      }
      assertThat(OffsetTimestamps.parse(text)).as(text).isEqualTo(expected);
      fastForm++;
    }
    assertThat(fastForm).as("texts both accepted").isGreaterThan(50_000);
  }

  @Test
  void writesTheStoredFormAsTheFormatterDoes() {
    DateTimeFormatter stored =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    Random random = new Random(20261203);
    List<Instant> instants =
        new ArrayList<>(
            List.of(
                Instant.parse("2024-01-02T00:30:00Z"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("0999-12-31T23:59:59.999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-01T00:00:00.5Z"),
                Instant.EPOCH.minusNanos(1)));
    long from = Instant.parse("0500-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
    for (int n = 0; n < 200_000; n++) {
      instants.add(
          Instant.ofEpochSecond(
              from + (long) (random.nextDouble() * (to - from)), random.nextInt(1_000_000_000)));
    }
    for (Instant instant : instants) {
      assertThat(OffsetTimestamps.formatUtcMicros(instant, stored))
          .as(instant.toString())
          .isEqualTo(stored.format(instant));
    }
  }

  /** A text of the common form with random fields, some of them out of range. */
  private static String valid(Random r) {
    List<String> offsets = new ArrayList<>(List.of("Z", "+08:00", "-05:30", "+18:00", "-00:00"));
    offsets.add(
        String.format("%s%02d:%02d", r.nextBoolean() ? "+" : "-", r.nextInt(20), r.nextInt(61)));
    String fraction =
        switch (r.nextInt(4)) {
          case 0 -> "";
          case 1 -> "." + r.nextInt(10);
          case 2 -> String.format(".%06d", r.nextInt(1_000_000));
          default -> String.format(".%09d", r.nextInt(1_000_000_000));
        };
    return String.format(
        "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
        r.nextInt(3000),
        1 + r.nextInt(13),
        1 + r.nextInt(31),
        r.nextInt(25),
        r.nextInt(61),
        r.nextInt(61),
        fraction,
        offsets.get(r.nextInt(offsets.size())));
  }

  private static Instant iso(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }
}
