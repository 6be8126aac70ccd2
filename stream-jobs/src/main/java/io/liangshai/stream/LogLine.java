package io.liangshai.stream;

/**
 * One line of a batch's records as the records log carries it ({@code LandingLog}): the batch and
 * the 1-based line of its records file from the message's headers ({@code ""} and 0 when a message
 * lacks them), and the line itself.
 */
public record LogLine(String batchId, long line, String text) implements java.io.Serializable {

  public LogLine {
    batchId = batchId == null ? "" : batchId;
    text = text == null ? "" : text;
  }

  Origin origin() {
    return new Origin(batchId, line);
  }
}
