package io.liangshai.postgres.local;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account the server runs as. PostgreSQL refuses to run as root ({@code initdb: cannot be run
 * as root}), so a root JVM runs it as {@value #UNPRIVILEGED} through {@code setpriv}, with the
 * cluster and run directories owned by that account and every directory above them traversable by
 * it (others get {@code x}, never {@code r}). Any other JVM runs the server as itself.
 *
 * @param switchesUser whether the server runs as {@value #UNPRIVILEGED} (this JVM is root)
 * @param group {@value #UNPRIVILEGED}'s primary group id (its name differs between distributions),
 *     or null when the server runs as this JVM's user
 */
record ServerAccount(boolean switchesUser, String group) {

  static final String UNPRIVILEGED = "nobody";

  private static final Logger LOG = LoggerFactory.getLogger(ServerAccount.class);

  /** Nobody when this JVM is root, else this JVM's own user. */
  static ServerAccount forThisJvm() {
    boolean root = new UnixSystem().getUid() == 0;
    return new ServerAccount(root, root ? run(List.of("id", "-g", UNPRIVILEGED)) : null);
  }

  /** {@code command} as the server's account would run it. */
  List<String> command(List<String> command) {
    List<String> full = new ArrayList<>();
    if (switchesUser) {
      full.addAll(
          List.of(
              "setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + group, "--clear-groups", "--"));
    }
    full.addAll(command);
    return full;
  }

  /** Hands {@code dirs} (recursively) to the server's account and lets it reach them. */
  void own(Path... dirs) {
    if (!switchesUser) {
      return;
    }
    for (Path dir : dirs) {
      run(List.of("chown", "-R", UNPRIVILEGED + ":" + group, dir.toString()));
      grantTraversal(dir.getParent());
    }
  }

  /** Adds {@code o+x} to {@code dir} and each directory above it that lacks it. */
  void grantTraversal(Path dir) {
    if (!switchesUser) {
      return;
    }
    for (Path d = dir; d != null; d = d.getParent()) {
      try {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(d);
        if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
          Files.setPosixFilePermissions(d, permissions);
          LOG.info("let {} traverse {} (o+x) to reach the PostgreSQL data", UNPRIVILEGED, d);
        }
      } catch (IOException e) {
        throw new LocalPostgresException(
            "the PostgreSQL server runs as "
                + UNPRIVILEGED
                + " and cannot reach "
                + dir
                + ": grant o+x on "
                + d
                + " or choose a data directory elsewhere",
            e);
      }
    }
  }

  /** Runs {@code command} to completion as it is (as this JVM's user); fails on a non-zero exit. */
  static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes()).strip();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new LocalPostgresException(String.join(" ", command) + " did not finish");
      }
      if (process.exitValue() != 0) {
        throw new LocalPostgresException(
            String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
      }
      return output;
    } catch (IOException e) {
      throw new LocalPostgresException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalPostgresException("interrupted running " + String.join(" ", command), e);
    }
  }
}
