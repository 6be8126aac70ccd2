package io.liangshai.postgres.local;

import java.nio.file.Path;

/** A parent JVM for {@link LocalPostgresLifecycleITCase} to kill: starts a LocalPostgres, waits. */
public final class ParentProcess {

  static final String POSTMASTER_PID = "POSTMASTER_PID ";

  private ParentProcess() {}

  public static void main(String[] args) throws InterruptedException {
    LocalPostgres postgres = LocalPostgres.start(LocalPostgresConfig.of(Path.of(args[0])));
    System.out.println(POSTMASTER_PID + postgres.postmasterPid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
