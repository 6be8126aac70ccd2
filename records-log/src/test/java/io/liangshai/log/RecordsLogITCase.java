package io.liangshai.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.landing.LandingLog;
import io.liangshai.kafka.local.testing.SharedKafka;
import io.liangshai.log.testing.LogContents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records log on a real Kafka broker, read back as the job reads it ({@code read_committed}).
 */
class RecordsLogITCase {

  @TempDir Path dir;

  private static RecordsTopic newTopic(int partitions) throws Exception {
    return new RecordsTopic(
            SharedKafka.bootstrapServers(),
            "records-log-test-" + UUID.randomUUID(),
            partitions,
            (short) 1)
        .ensure();
  }

  private Path recordsFile(String batch, List<String> records) throws Exception {
    StringBuilder s = new StringBuilder(LandingFile.header(batch)).append('\n');
    records.forEach(r -> s.append(r).append('\n'));
    s.append(LandingFile.trailer(batch, records.size())).append('\n');
    Path file = dir.resolve(batch + ".jsonl");
    Files.writeString(file, s, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aBatchIsAppendedWholeInOrderWithItsBatchAndLineOnEveryMessage() throws Exception {
    RecordsTopic topic = newTopic(4);
    try (RecordsLog log = RecordsLog.open(topic, "t1")) {
      log.append("330522", "b1", recordsFile("b1", List.of("{\"a\":1}", "{\"a\":2}", "{\"a\":3}")));
      log.append("330523", "b2", recordsFile("b2", List.of("{\"b\":1}")));
    }
    List<LogContents.Message> all = LogContents.read(topic);
    List<LogContents.Message> b1 = all.stream().filter(m -> m.batch().equals("b1")).toList();
    assertThat(b1)
        .extracting(LogContents.Message::line, LogContents.Message::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "{\"a\":1}"),
            org.assertj.core.groups.Tuple.tuple(3L, "{\"a\":2}"),
            org.assertj.core.groups.Tuple.tuple(4L, "{\"a\":3}"),
            org.assertj.core.groups.Tuple.tuple(5L, LandingFile.trailer("b1", 3)));
    assertThat(b1).extracting(LogContents.Message::key).containsOnly("330522");
    assertThat(b1.stream().map(LogContents.Message::partition).distinct())
        .as("a batch stays in one partition")
        .hasSize(1);
    assertThat(b1.stream().map(LogContents.Message::offset).distinct())
        .as("a batch that fits in one message is that one message")
        .hasSize(1);
    assertThat(all).hasSize(6);
  }

  @Test
  void aBatchLongerThanOneMessageIsAppendedInOneTransactionWholeAndInOrder() throws Exception {
    RecordsTopic topic = newTopic(2);
    List<String> records = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      records.add("{\"n\":" + i + ",\"pad\":\"" + "x".repeat(i) + "\"}");
    }
    try (RecordsLog log = RecordsLog.open(topic, "t5", 200)) {
      log.append("330522", "b7", recordsFile("b7", records));
    }
    List<LogContents.Message> b7 =
        LogContents.read(topic).stream().filter(m -> m.batch().equals("b7")).toList();
    List<String> expected = new java.util.ArrayList<>(records);
    expected.add(LandingFile.trailer("b7", records.size()));
    assertThat(b7).extracting(LogContents.Message::text).containsExactlyElementsOf(expected);
    assertThat(b7)
        .extracting(LogContents.Message::line)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(2, 42).boxed().toList());
    assertThat(b7.stream().map(LogContents.Message::offset).distinct().count())
        .as("several messages of at most 200 bytes of lines each")
        .isGreaterThan(5);
    for (long offset : b7.stream().map(LogContents.Message::offset).distinct().toList()) {
      int bytes =
          b7.stream()
              .filter(m -> m.offset() == offset)
              .mapToInt(m -> m.text().getBytes(StandardCharsets.UTF_8).length + 1)
              .sum();
      assertThat(bytes - 1).as("message at offset " + offset).isLessThanOrEqualTo(200);
    }
  }

  @Test
  void aStartingPlatformCreatesTheTopicOnceAndLearnsWhetherItHoldsAnything() throws Exception {
    RecordsTopic topic =
        new RecordsTopic(
            SharedKafka.bootstrapServers(), "records-log-test-" + UUID.randomUUID(), 2, (short) 1);

    assertThat(topic.ensureAndCheckEmpty()).as("created just now").isTrue();
    try (RecordsLog log = RecordsLog.open(topic, "t0")) {
      log.append("330522", "b0", recordsFile("b0", List.of("{\"a\":1}")));
    }
    assertThat(topic.ensureAndCheckEmpty()).as("exists, with a batch").isFalse();
    assertThat(topic.isEmpty()).isFalse();
  }

  @Test
  void aLineTooLongForAMessageTravelsCutSoTheJobQuarantinesIt() throws Exception {
    RecordsTopic topic = newTopic(1);
    String huge = "{\"x\":\"" + "字".repeat(LandingLog.MAX_LINE_BYTES / 3 + 10) + "\"}";
    try (RecordsLog log = RecordsLog.open(topic, "t2")) {
      log.append("330522", "b3", recordsFile("b3", List.of(huge, "{\"ok\":1}")));
    }
    List<LogContents.Message> all = LogContents.read(topic);
    assertThat(all).hasSize(3);
    assertThat(all.get(0).text().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(LandingLog.CUT_TO);
    assertThat(all.get(1).text()).isEqualTo("{\"ok\":1}");
    assertThat(all.get(2).text()).isEqualTo(LandingFile.trailer("b3", 2));
  }

  @Test
  void aRestartedInstanceAbortsWhatItsPredecessorLeftOpenAndAppendsAgain() throws Exception {
    RecordsTopic topic = newTopic(1);
    // Messages of at most 8 bytes of lines: every batch here is a transaction of several.
    RecordsLog first = RecordsLog.open(topic, "same", 8);
    first.append("330522", "b4", recordsFile("b4", List.of("{\"c\":1}")));
    // A second process with the same instance id fences the first: its producers are taken over.
    try (RecordsLog second = RecordsLog.open(topic, "same", 8)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> first.append("330522", "b5", recordsFile("b5", List.of("{\"c\":2}"))))
          .isInstanceOf(RecordsLogException.class);
      second.append("330522", "b6", recordsFile("b6", List.of("{\"c\":3}")));
    } finally {
      first.close();
    }
    assertThat(LogContents.read(topic))
        .extracting(LogContents.Message::batch)
        .containsExactly("b4", "b4", "b6", "b6");
  }
}
