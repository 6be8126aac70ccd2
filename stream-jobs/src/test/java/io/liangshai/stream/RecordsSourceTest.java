package io.liangshai.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.landing.LandingLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** How the job's source reads a message of the records log into lines, whatever it holds. */
class RecordsSourceTest {

  private static ConsumerRecord<byte[], byte[]> message(String value, String... headers) {
    ConsumerRecord<byte[], byte[]> r =
        new ConsumerRecord<>("t", 0, 0L, "330522".getBytes(StandardCharsets.UTF_8), bytes(value));
    for (int i = 0; i < headers.length; i += 2) {
      r.headers().add(headers[i], bytes(headers[i + 1]));
    }
    return r;
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<LogLine> read(ConsumerRecord<byte[], byte[]> message) {
    List<LogLine> out = new ArrayList<>();
    new RecordsSource.Lines()
        .deserialize(
            message,
            new Collector<>() {
              @Override
              public void collect(LogLine line) {
                out.add(line);
              }

              @Override
              public void close() {}
            });
    return out;
  }

  @Test
  void aMessageOfSeveralLinesIsReadAsThoseLinesNumberedFromItsFirst() {
    assertThat(
            read(
                message(
                    "{\"a\":1}\n{\"b\":\"二\"}\n#trailer",
                    LandingLog.BATCH_HEADER,
                    "b1",
                    LandingLog.LINE_HEADER,
                    "7",
                    LandingLog.LINES_HEADER,
                    "3")))
        .containsExactly(
            new LogLine("b1", 7, "{\"a\":1}"),
            new LogLine("b1", 8, "{\"b\":\"二\"}"),
            new LogLine("b1", 9, "#trailer"));
  }

  @Test
  void aMessageOfTheOlderFormIsOneLineWhateverItHolds() {
    assertThat(
            read(
                message(
                    "{\"a\":1}\n{\"b\":2}",
                    LandingLog.BATCH_HEADER,
                    "b2",
                    LandingLog.LINE_HEADER,
                    "2")))
        .containsExactly(new LogLine("b2", 2, "{\"a\":1}\n{\"b\":2}"));
  }

  @Test
  void aMessageWithoutHeadersOrValueStillGivesLinesForTheQuarantine() {
    assertThat(read(message(null))).containsExactly(new LogLine("", 0, ""));
    assertThat(read(message("x\ny", LandingLog.LINES_HEADER, "2", LandingLog.LINE_HEADER, "zz")))
        .as("a line number that is not one: 0 for every line")
        .containsExactly(new LogLine("", 0, "x"), new LogLine("", 0, "y"));
    assertThat(
            read(
                message(
                    "x", LandingLog.BATCH_HEADER, "b".repeat(65), LandingLog.LINES_HEADER, "1")))
        .containsExactly(new LogLine("", 0, "x"));
  }

  @Test
  void aCountThatDisagreesWithTheLinesStillGivesEveryLine() {
    assertThat(
            read(
                message(
                    "a\nb\n",
                    LandingLog.BATCH_HEADER,
                    "b3",
                    LandingLog.LINE_HEADER,
                    "2",
                    LandingLog.LINES_HEADER,
                    "1")))
        .extracting(LogLine::text)
        .containsExactly("a", "b", "");
  }
}
