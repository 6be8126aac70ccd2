package io.liangshai.core.landing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The contract of the records log between ingest and the stream job (Kafka): the lines of each
 * accepted batch's {@link LandingFile records file} after its header — the record lines, then the
 * trailer — keyed by the uploading tenant, so that one tenant's batches stay in one partition in
 * the order they were accepted. Every message names its batch and the line of the file it starts at
 * in two headers, so the job needs no state to know where a line came from, and batches of
 * different tenants (or of two instances' concurrent appends) may interleave.
 *
 * <p>A message carries consecutive lines joined by {@code '\n'}, at most {@link #CHUNK_BYTES} of
 * them unless one line alone is longer, and says how many in the {@link #LINES_HEADER} header. A
 * batch that fits in one message is appended as that message (atomic by itself); a longer one in
 * one Kafka transaction, so a {@code read_committed} reader sees all of a batch or none of it. A
 * message without the lines header carries exactly one line (the form of releases before it, which
 * a topic may still hold).
 *
 * <p>A line longer than {@link #MAX_LINE_BYTES} travels cut to {@link #CUT_TO} bytes (the job then
 * quarantines it, as it cannot be read); the records file and the raw body keep it whole.
 */
public final class LandingLog {

  /** The topic's default name. */
  public static final String DEFAULT_TOPIC = "liangshai.records";

  /** The header naming the batch of a message. */
  public static final String BATCH_HEADER = "batch";

  /** The header giving the message's 1-based line of the batch's records file (header = 1). */
  public static final String LINE_HEADER = "line";

  /** The header giving how many lines a message carries (absent: one, the older form). */
  public static final String LINES_HEADER = "lines";

  /** The most bytes of lines one message gathers, unless its single line is longer. */
  public static final int CHUNK_BYTES = 8 * 1024 * 1024;

  /** The longest line sent whole, in UTF-8 bytes (the topic takes messages up to 16 MiB). */
  public static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

  /** What a longer line is cut to, in bytes. */
  public static final int CUT_TO = 64 * 1024;

  private LandingLog() {}

  /**
   * The lines of a message value that carries {@code count} of them ({@link #LINES_HEADER}): split
   * at each {@code '\n'}. More or fewer pieces than {@code count} are answered as they are; the job
   * reads each piece as a line and quarantines what it cannot read.
   */
  public static List<String> lines(byte[] value, int count) {
    List<String> lines = new ArrayList<>(Math.max(1, Math.min(count, 100_000)));
    int from = 0;
    for (int i = 0; i < value.length; i++) {
      if (value[i] == '\n') {
        lines.add(new String(value, from, i - from, StandardCharsets.UTF_8));
        from = i + 1;
      }
    }
    lines.add(new String(value, from, value.length - from, StandardCharsets.UTF_8));
    return lines;
  }

  /** A line count as its header value. */
  public static byte[] countHeader(int count) {
    return Integer.toString(count).getBytes(StandardCharsets.US_ASCII);
  }

  /** A line number as its header value. */
  public static byte[] lineHeader(long line) {
    return Long.toString(line).getBytes(StandardCharsets.US_ASCII);
  }

  /** The line number a header value gives; empty when it is missing or not a positive number. */
  public static OptionalLong lineOf(byte[] header) {
    if (header == null || header.length == 0 || header.length > 18) {
      return OptionalLong.empty();
    }
    long n = 0;
    for (byte b : header) {
      if (b < '0' || b > '9') {
        return OptionalLong.empty();
      }
      n = n * 10 + (b - '0');
    }
    return n > 0 ? OptionalLong.of(n) : OptionalLong.empty();
  }

  /**
   * A line as the message value: its UTF-8 bytes, cut to at most {@link #CUT_TO} (at a character
   * boundary) when too long.
   */
  public static byte[] value(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_LINE_BYTES) {
      return bytes;
    }
    int end = CUT_TO;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--; // never inside a character: back to the first byte of the one that would be cut
    }
    byte[] cut = new byte[end];
    System.arraycopy(bytes, 0, cut, 0, end);
    return cut;
  }
}
