package io.liangshai.stream;

import io.liangshai.core.landing.LandingFile;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;

/** Landing-zone lines as ingest writes them, and a source that replays them in order. */
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
   * A bounded source of {@code lines} in their order (read with parallelism 1, as the file source
   * reads one file on one subtask).
   */
  static DataGeneratorSource<String> source(List<String> lines) {
    List<String> copy = List.copyOf(lines);
    return new DataGeneratorSource<>(i -> copy.get(i.intValue()), copy.size(), Types.STRING);
  }
}
