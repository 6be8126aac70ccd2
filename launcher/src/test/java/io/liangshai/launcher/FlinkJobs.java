package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.flink.local.FlinkRest;
import java.time.Duration;
import java.time.Instant;

/** What the cluster tests wait for on a Flink job. */
final class FlinkJobs {

  private FlinkJobs() {}

  /**
   * Waits until {@code job} has restarted at least once: the REST API's metrics lag behind the job
   * by up to the JobManager's fetch interval.
   */
  static void awaitRestart(FlinkRest flink, String job) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (flink.restarts(job) < 1) {
      assertThat(Instant.now())
          .as("job " + job + " restarted after losing a TaskManager")
          .isBefore(deadline);
      Thread.sleep(500);
    }
  }
}
