package io.liangshai.local.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * What every server's child JVM needs, once: a class path of only what it runs, and — inside the
 * child — the watch that ends it with its parent. Only the parent holds the child's standard input
 * open, so its end means the parent is gone, however it went (even {@code kill -9}).
 */
public final class ChildProcess {

  private ChildProcess() {}

  /**
   * The class path of only the jars or class directories {@code types} come from, in order (this
   * class's own included, for {@link #exitWhenStdinCloses}); the whole class path when a source is
   * unknown.
   */
  public static String classPathOf(Class<?>... types) {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : types) {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source == null) {
        return System.getProperty("java.class.path");
      }
      try {
        entries.add(Path.of(source.getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        return System.getProperty("java.class.path");
      }
    }
    entries.add(classPathOf(ChildProcess.class.getProtectionDomain().getCodeSource()));
    return String.join(File.pathSeparator, entries);
  }

  /**
   * The class path a module's build resolved and wrote into the resource {@code resource}, read
   * through {@code owner}'s class; when there is no such resource (the module was not built), the
   * exception {@code missing} makes of a message saying so.
   */
  public static String resolvedClassPath(
      Class<?> owner, String resource, Function<String, ? extends RuntimeException> missing) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw missing.apply(
            "the class path in " + resource + " is missing (the module that writes it not built)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * In the child: exits (shutdown hooks run) when standard input ends, halting after {@code grace}
   * if the hooks hang. The watching thread is not a daemon: it keeps the child alive as long as the
   * parent is.
   */
  public static void exitWhenStdinCloses(Duration grace) {
    Thread watcher =
        new Thread(
            () -> {
              try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                  // the parent never writes; end of file means it is gone
                }
              } catch (IOException e) {
                // a broken pipe means the same
              }
              System.err.println("parent gone (stdin closed), shutting down");
              haltAfter(grace);
              System.exit(0);
            },
            "parent-watch");
    watcher.start();
  }

  /** Ends the process after {@code grace} even if its orderly shutdown is stuck. */
  public static void haltAfter(Duration grace) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(grace.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              System.err.println("did not shut down in " + grace + "; halting");
              Runtime.getRuntime().halt(1);
            },
            "halt-after-" + grace.toSeconds() + "s");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static String classPathOf(CodeSource own) {
    try {
      return own == null
          ? System.getProperty("java.class.path")
          : Path.of(own.getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      return System.getProperty("java.class.path");
    }
  }
}
