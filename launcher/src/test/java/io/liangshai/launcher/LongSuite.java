package io.liangshai.launcher;

/**
 * The whole-platform ITCases that start and stop several platforms each (crash windows, outages,
 * upgrades, backup and restore, several instances, the browser): tagged {@value #TAG}, they run in
 * {@code bin/liangshai test --long} (and in CI after the default suite), so that the default {@code
 * bin/liangshai test} stays under 20 minutes on 2 cores.
 */
final class LongSuite {

  static final String TAG = "long";

  private LongSuite() {}
}
