package io.liangshai.stream;

/**
 * Where an in-flight element came from: the batch and the 1-based line of its records file (the
 * header is line 1). It travels with the elements, never in keyed state, so a quarantine row can
 * name the line whatever operator sets it aside. Downstream of the parser, lines of a file written
 * before headers existed carry batch {@code ""} (the parser learns their batch only at the
 * trailer).
 */
public record Origin(String batchId, long line) {

  /** No known origin: the batch unknown, line 0. */
  public static final Origin NONE = new Origin("", 0);

  public Origin {
    batchId = batchId == null ? "" : batchId;
  }
}
