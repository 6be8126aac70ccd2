package io.liangshai.clickhouse.local;

import com.sun.jna.Native;
import io.liangshai.clickhouse.local.front.ChdbServerMain;
import io.liangshai.local.process.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line of the child JVM: this JDK's {@code java}, {@code
 * LD_PRELOAD=$JAVA_HOME/lib/libjsig.so} (libchdb's signal handlers need JVM signal chaining), a
 * small heap, and a class path of only this module and JNA.
 */
final class ChildJvm {

  private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private ChildJvm() {}

  /**
   * @param password the front's per-start password, passed in the child's environment (readable
   *     only by this user), never on its command line
   */
  static Process launch(LocalClickHouseConfig config, Path library, Path portFile, String password)
      throws IOException {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path libjsig = javaHome.resolve("lib").resolve("libjsig.so");
    if (!Files.isRegularFile(libjsig)) {
      throw new LocalClickHouseException(
          "this JDK has no " + libjsig + ", which the ClickHouse engine needs preloaded");
    }
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.add("-Xmx" + config.maxHeap());
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dfile.encoding=UTF-8");
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: every small answer waited ~40 ms (measured: SELECT 1 at 50 ms from Java).
    command.add("-Dsun.net.httpserver.nodelay=true");
    command.add("-cp");
    command.add(childClassPath());
    command.add(ChdbServerMain.class.getName());
    command.addAll(
        List.of(
            "--library", library.toString(),
            "--data", config.dataDir().toString(),
            "--port", Integer.toString(config.port()),
            "--port-file", portFile.toString()));
    if (config.trace()) {
      command.add("--trace");
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LD_PRELOAD", libjsig.toString());
    builder.environment().put(ChdbServerMain.PASSWORD_ENV, password);
    LOG.debug("starting {}", command);
    return builder.start();
  }

  /** A fresh random password for the front: 256 bits, hex. */
  static String newPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Only what the child needs: this module, JNA and the parent watch. */
  private static String childClassPath() {
    return ChildProcess.classPathOf(ChdbServerMain.class, Native.class);
  }
}
