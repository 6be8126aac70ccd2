package io.liangshai.reports;

/**
 * The issue numbers (期号) of the bulletin series: a series counts 1, 2, 3 … across its periods and
 * corrections, and no two bulletins of a series share a number. {@link BulletinStore} derives the
 * next number from the bulletins stored in ClickHouse, which is sound only because {@link
 * BulletinPublisher} publishes one bulletin at a time and stores it before asking again; a store
 * that allocates in a transaction may be used instead.
 */
@FunctionalInterface
public interface IssueNumbers {

  /** The number of the next bulletin of {@code series}: 1 for its first. */
  int next(String series);
}
