package io.liangshai.launcher;

/**
 * What one platform process does ({@code bin/liangshai run --role …}). Every role shares the same
 * ClickHouse, PostgreSQL and landing zone; several {@code api} processes may serve side by side
 * with one {@code job} process, or one process may do everything ({@code all}, the default).
 */
enum Role {
  /** The API, the web page and ingest, the bulletin scheduler, and the indicators job. */
  ALL,
  /** The API, the web page, ingest and the bulletin scheduler; no Flink job. */
  API,
  /** The indicators job only; no HTTP. */
  JOB;

  /** Serves the API and the web page, takes uploads and publishes scheduled bulletins. */
  boolean servesHttp() {
    return this != JOB;
  }

  /** Runs the indicators job over the landing zone. */
  boolean runsJob() {
    return this != API;
  }

  /** As written on the command line: {@code all}, {@code api} or {@code job}. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
