package io.liangshai.core.ranking;

/** A scheme argument that is wrong, naming the argument ({@code weight}, {@code id}, ...). */
public final class InvalidSchemeException extends IllegalArgumentException {

  private final String field;

  public InvalidSchemeException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The argument at fault, in wire spelling, e.g. {@code minimum_volume}. */
  public String field() {
    return field;
  }
}
