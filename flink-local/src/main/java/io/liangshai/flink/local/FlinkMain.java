package io.liangshai.flink.local;

import io.liangshai.local.process.ChildProcess;
import java.time.Duration;
import java.util.Arrays;

/**
 * The entry point of a cluster child: {@code FlinkMain ENTRYPOINT_CLASS ARGS…} runs Flink's own
 * entry point (the JobManager's {@code StandaloneSessionClusterEntrypoint} or the TaskManager's
 * {@code TaskManagerRunner}) with the parent watch ({@link ChildProcess#exitWhenStdinCloses}), so
 * it ends with its parent however the parent ends.
 */
public final class FlinkMain {

  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

  private FlinkMain() {}

  public static void main(String[] args) throws Exception {
    ChildProcess.exitWhenStdinCloses(SHUTDOWN_GRACE);
    Class.forName(args[0])
        .getMethod("main", String[].class)
        .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }
}
