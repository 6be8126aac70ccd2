package io.liangshai.clickhouse.local;

import java.nio.file.Path;

/**
 * A parent JVM for {@link LocalClickHouseLifecycleITCase} to kill: starts a LocalClickHouse and
 * waits.
 */
public final class ParentProcess {

  static final String CHILD_PID = "CHILD_PID ";

  private ParentProcess() {}

  public static void main(String[] args) throws InterruptedException {
    LocalClickHouse clickHouse = LocalClickHouse.start(LocalClickHouseConfig.of(Path.of(args[0])));
    System.out.println(CHILD_PID + clickHouse.process().pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
