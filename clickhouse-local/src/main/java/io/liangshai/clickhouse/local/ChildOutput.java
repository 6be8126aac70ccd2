package io.liangshai.clickhouse.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;

/** Copies the child's output lines to the log, keeping the last few for error messages. */
final class ChildOutput implements Runnable {

  private static final int KEPT_LINES = 40;

  private final InputStream stream;
  private final Logger log;
  private final Deque<String> last = new ArrayDeque<>();

  ChildOutput(InputStream stream, Logger log) {
    this.stream = stream;
    this.log = log;
  }

  static ChildOutput follow(InputStream stream, Logger log, String threadName) {
    ChildOutput output = new ChildOutput(stream, log);
    Thread thread = new Thread(output, threadName);
    thread.setDaemon(true);
    thread.start();
    return output;
  }

  @Override
  public void run() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.contains("signal chaining was deprecated")) {
          continue; // printed by every JVM that preloads libjsig
        }
        log.info("[clickhouse] {}", line);
        synchronized (last) {
          last.addLast(line);
          if (last.size() > KEPT_LINES) {
            last.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the child is gone
    }
  }

  List<String> lastLines() {
    synchronized (last) {
      return List.copyOf(last);
    }
  }
}
