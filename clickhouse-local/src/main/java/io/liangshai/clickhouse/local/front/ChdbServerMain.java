package io.liangshai.clickhouse.local.front;

import io.liangshai.clickhouse.local.engine.ChdbConnection;
import io.liangshai.clickhouse.local.engine.ChdbException;
import io.liangshai.clickhouse.local.engine.Libchdb;
import io.liangshai.local.process.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import sun.misc.Signal;

/**
 * The child process: the ClickHouse engine behind its HTTP front. Started by {@code
 * LocalClickHouse} with {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}.
 *
 * <pre>
 * ChdbServerMain --library LIBCHDB_SO --data DIR --port N --port-file FILE [--trace]
 * </pre>
 *
 * <p>Every request but {@code /ping} must carry the password in {@value #PASSWORD_ENV}. Writes the
 * bound port to {@code --port-file} once it serves. Exits when its standard input reaches end of
 * file, so it never outlives the parent (even one killed with {@code kill -9}), and closes the
 * engine cleanly on SIGTERM.
 */
public final class ChdbServerMain {

  /**
   * The environment variable with the front's per-start password: the parent passes it there, not
   * on the command line, which every local user can read in {@code /proc}.
   */
  public static final String PASSWORD_ENV = "LIANGSHAI_CLICKHOUSE_FRONT_PASSWORD";

  /** Exit status when the engine cannot open the data directory. */
  public static final int EXIT_ENGINE_REFUSED = 3;

  /** How long a shutdown may wait for a running statement before the process halts. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

  private ChdbServerMain() {}

  public static void main(String[] args) throws IOException {
    Arguments arguments = Arguments.parse(args);
    String password = System.getenv(PASSWORD_ENV);
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException(
          PASSWORD_ENV + " must hold the password every request to the front must carry");
    }
    Files.createDirectories(arguments.dataDir());
    Libchdb lib = Libchdb.load(arguments.library());
    ChdbConnection connection;
    try {
      connection = ChdbConnection.open(lib, arguments.dataDir());
    } catch (ChdbException e) {
      System.err.println(e.getMessage());
      System.exit(EXIT_ENGINE_REFUSED);
      return;
    }
    exitOnTermination();
    Path spoolDir = Files.createTempDirectory("liangshai-chdb-spool");
    ChdbHttpServer server =
        ChdbHttpServer.start(connection, arguments.port(), spoolDir, password, arguments.trace());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // a statement stuck in the engine must not block the orderly shutdown for ever
                  ChildProcess.haltAfter(SHUTDOWN_GRACE);
                  server.close();
                  deleteQuietly(spoolDir);
                  System.err.println("engine closed");
                },
                "chdb-shutdown"));
    writeAtomically(arguments.portFile(), Integer.toString(server.port()));
    System.err.println(
        "serving ClickHouse HTTP on 127.0.0.1:" + server.port() + " for " + arguments.dataDir());
    ChildProcess.exitWhenStdinCloses(SHUTDOWN_GRACE);
  }

  /**
   * The engine replaces the JVM's SIGTERM/SIGINT handling when it boots, so a plain {@code kill}
   * would end the process without closing the engine. Taking the signals back makes them run the
   * shutdown hook again.
   */
  private static void exitOnTermination() {
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          signal -> {
            System.err.println("SIG" + signal.getName() + " received, shutting down");
            System.exit(0);
          });
    }
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a stale spool directory in the temp dir is harmless
    }
  }

  record Arguments(Path library, Path dataDir, int port, Path portFile, boolean trace) {

    static Arguments parse(String[] args) {
      Path library = null;
      Path data = null;
      Path portFile = null;
      int port = 0;
      boolean trace = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--library" -> library = Path.of(value(args, ++i, "--library"));
          case "--data" -> data = Path.of(value(args, ++i, "--data"));
          case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
          case "--port-file" -> portFile = Path.of(value(args, ++i, "--port-file"));
          case "--trace" -> trace = true;
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (library == null || data == null || portFile == null) {
        throw new IllegalArgumentException(
            "usage: ChdbServerMain --library LIBCHDB_SO --data DIR --port N --port-file FILE");
      }
      return new Arguments(library, data.toAbsolutePath(), port, portFile, trace);
    }

    private static String value(String[] args, int i, String name) {
      if (i >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return args[i];
    }
  }
}
