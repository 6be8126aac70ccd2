package io.liangshai.stream;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The Flink MiniCluster the job tests run on: one task manager, as the launcher runs the job. */
final class MiniClusters {

  private MiniClusters() {}

  /** A MiniCluster of one task manager with {@code slots} slots. */
  static MiniClusterExtension oneTaskManager(int slots) {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(slots)
            .build());
  }
}
