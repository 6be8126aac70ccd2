package io.liangshai.postgres.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cluster in {@code pgdata}: made by {@code initdb} once, as the server's account. */
final class Cluster {

  private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

  private Cluster() {}

  /** Runs {@code initdb} unless {@code pgdata} holds a cluster; a half-made one is made again. */
  static void ensureInitialised(
      LocalPostgresConfig config, PostgresBinaries binaries, ServerAccount account, String password)
      throws IOException {
    Path pgdata = config.pgdata();
    if (Files.isRegularFile(pgdata.resolve("PG_VERSION"))) {
      return;
    }
    long started = System.nanoTime();
    PostgresBinaries.deleteTree(pgdata);
    Files.createDirectories(pgdata);
    Files.setPosixFilePermissions(pgdata, PosixFilePermissions.fromString("rwx------"));
    Path pwfile = config.runDir().resolve("initdb.password");
    Files.deleteIfExists(pwfile);
    Files.createFile(
        pwfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(pwfile, password, StandardCharsets.US_ASCII);
      account.own(pgdata, pwfile);
      ServerAccount.run(
          account.command(PostmasterCommand.initdb(binaries, config, pwfile.toString())));
    } finally {
      Files.deleteIfExists(pwfile);
    }
    LOG.info("initdb made {} in {} ms", pgdata, (System.nanoTime() - started) / 1_000_000);
  }
}
