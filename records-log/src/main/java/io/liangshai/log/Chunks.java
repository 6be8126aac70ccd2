package io.liangshai.log;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.landing.LandingLog;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A published records file as the messages of the records log ({@link LandingLog}): its lines after
 * the header, consecutive lines gathered up to a size (normally {@link LandingLog#CHUNK_BYTES}),
 * read as they are asked for, so a long batch never sits whole in memory.
 */
final class Chunks implements AutoCloseable {

  /** One message: the 1-based line of the records file it starts at, its line count, its value. */
  record Chunk(long firstLine, int lines, byte[] value) {}

  private final BufferedReader in;
  private final ByteArrayOutputStream value = new ByteArrayOutputStream(64 * 1024);
  private long line;
  private byte[] carried;
  private boolean ended;

  private final int chunkBytes;

  /** {@code chunkBytes}: the most bytes of lines gathered in one message (one line may exceed). */
  Chunks(Path records, int chunkBytes) throws IOException {
    this.in = Files.newBufferedReader(records, StandardCharsets.UTF_8);
    this.chunkBytes = chunkBytes;
  }

  /** The next message, or empty after the last line. */
  Optional<Chunk> next() throws IOException {
    value.reset();
    long first = 0;
    int lines = 0;
    while (true) {
      byte[] bytes = carried != null ? carried : read();
      carried = null;
      if (bytes == null) {
        break;
      }
      if (lines > 0 && value.size() + 1 + bytes.length > chunkBytes) {
        carried = bytes; // starts the next message
        break;
      }
      if (lines == 0) {
        first = line;
      } else {
        value.write('\n');
      }
      value.write(bytes, 0, bytes.length);
      lines++;
    }
    return lines == 0
        ? Optional.empty()
        : Optional.of(new Chunk(first, lines, value.toByteArray()));
  }

  /** The next line to send as its message bytes (cut when too long), or null at the end. */
  private byte[] read() throws IOException {
    while (!ended) {
      String text = in.readLine();
      if (text == null) {
        ended = true;
        break;
      }
      line++;
      if (!LandingFile.headerBatch(text).isPresent()) {
        return LandingLog.value(text);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
