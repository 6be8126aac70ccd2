package io.liangshai.launcher.upgrade;

/**
 * What one {@link MetadataImport} run did: items stored now, items found there already, and old
 * revocations or retirements carried over to items imported before.
 */
public record ImportSummary(
    int keysStored,
    int keysPresent,
    int revocationsCarried,
    int schemeVersionsStored,
    int schemeVersionsPresent,
    int schemeVersionsConflicting,
    int retirementsCarried,
    int seriesContinued,
    int seriesPresent) {

  /** Whether this run changed nothing in PostgreSQL. */
  public boolean changedNothing() {
    return keysStored
            + revocationsCarried
            + schemeVersionsStored
            + retirementsCarried
            + seriesContinued
        == 0;
  }

  /** One line for the log. */
  String describe() {
    String stored =
        changedNothing()
            ? "nothing new"
            : String.format(
                "stored %d keys, %d scheme versions, the numbering of %d bulletin series;"
                    + " carried over %d revocations, %d retirements",
                keysStored,
                schemeVersionsStored,
                seriesContinued,
                revocationsCarried,
                retirementsCarried);
    String conflicts =
        schemeVersionsConflicting == 0
            ? ""
            : String.format(
                "; %d scheme versions differ from PostgreSQL's and were left out",
                schemeVersionsConflicting);
    return String.format(
        "%s (there already: %d keys, %d scheme versions, %d series)%s",
        stored, keysPresent, schemeVersionsPresent, seriesPresent, conflicts);
  }

  /** Counts a run as it goes. */
  static final class Counter {
    int keysStored;
    int keysPresent;
    int revocationsCarried;
    int schemeVersionsStored;
    int schemeVersionsPresent;
    int schemeVersionsConflicting;
    int retirementsCarried;
    int seriesContinued;
    int seriesPresent;

    ImportSummary summary() {
      return new ImportSummary(
          keysStored,
          keysPresent,
          revocationsCarried,
          schemeVersionsStored,
          schemeVersionsPresent,
          schemeVersionsConflicting,
          retirementsCarried,
          seriesContinued,
          seriesPresent);
    }
  }
}
