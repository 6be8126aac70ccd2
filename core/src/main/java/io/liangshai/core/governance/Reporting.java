package io.liangshai.core.governance;

/** The reporting rule of SPEC §10 (上报情况). */
public final class Reporting {

  private Reporting() {}

  /**
   * Silent (未上报): no case at all received in the month (withdrawn included), though some in each of
   * the three months before.
   *
   * @param inMonth the month's cases, withdrawn included
   * @param before the cases of the three months before, each withdrawn included
   */
  public static boolean silent(long inMonth, long... before) {
    if (before.length != 3) {
      throw new IllegalArgumentException("three months before, got " + before.length);
    }
    if (inMonth > 0) {
      return false;
    }
    for (long b : before) {
      if (b == 0) {
        return false;
      }
    }
    return true;
  }
}
