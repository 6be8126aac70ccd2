package io.liangshai.reports;

/**
 * A publication the caller must change: an invalid field of the request, or a period that already
 * has its bulletin (publish a correction instead).
 */
public final class PublishException extends RuntimeException {

  /** Why a publication was refused. */
  public enum Reason {
    /** A field of the request is wrong; {@link #field()} names it. */
    INVALID,
    /** The period already has a bulletin in its series; {@link #existing()} names it. */
    DUPLICATE
  }

  private final Reason reason;
  private final String field;
  private final String existing;

  private PublishException(Reason reason, String field, String existing, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
    this.existing = existing;
  }

  static PublishException invalid(String field, String message) {
    return new PublishException(Reason.INVALID, field, null, field + ": " + message);
  }

  static PublishException duplicate(Bulletin existing) {
    return new PublishException(
        Reason.DUPLICATE,
        null,
        existing.id(),
        "bulletin "
            + existing.id()
            + " (issue "
            + existing.issueNo()
            + ") already covers "
            + existing.series()
            + " "
            + existing.period()
            + "; to replace it publish a correction with \"corrects\": \""
            + existing.id()
            + "\"");
  }

  public Reason reason() {
    return reason;
  }

  /** The request field at fault, for {@link Reason#INVALID}. */
  public String field() {
    return field;
  }

  /** The id of the bulletin already published, for {@link Reason#DUPLICATE}. */
  public String existing() {
    return existing;
  }
}
