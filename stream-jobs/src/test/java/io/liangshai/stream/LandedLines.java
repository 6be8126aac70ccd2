package io.liangshai.stream;

import io.liangshai.core.landing.LandingFile;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;

/** Records files' lines as ingest writes them, and a source that replays them as the log would. */
final class LandedLines {

  private LandedLines() {}

  /** One batch's lines: its header, {@code records} (line 2 on), its trailer. */
  static List<String> batch(String batchId, List<String> records) {
    List<String> lines = new ArrayList<>(records.size() + 2);
    lines.add(LandingFile.header(batchId));
    lines.addAll(records);
    lines.add(LandingFile.trailer(batchId, records.size()));
    return lines;
  }

  /**
   * Records files' lines as the records log carries them: each header opens a batch at line 1 (and
   * is carried too, as a file replayed whole would carry it), the lines after it count on.
   */
  static List<LogLine> logLines(List<String> lines) {
    List<LogLine> out = new ArrayList<>(lines.size());
    String batch = "";
    long line = 0;
    for (String text : lines) {
      var header = LandingFile.headerBatch(text);
      if (header.isPresent()) {
        batch = header.get();
        line = 0;
      }
      out.add(new LogLine(batch, ++line, text));
    }
    return out;
  }

  /** A bounded source of {@code lines} (records files' lines) in their order, as log lines. */
  static DataGeneratorSource<LogLine> source(List<String> lines) {
    List<LogLine> copy = List.copyOf(logLines(lines));
    return new DataGeneratorSource<>(
        i -> copy.get(i.intValue()), copy.size(), TypeInformation.of(LogLine.class));
  }
}
