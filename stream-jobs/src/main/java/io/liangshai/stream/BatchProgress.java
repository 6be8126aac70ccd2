package io.liangshai.stream;

import java.io.Serializable;
import java.util.List;

/** Where the job says that batches are processed: every figure reflects their records. */
@FunctionalInterface
public interface BatchProgress extends Serializable {

  void markProcessed(List<String> batchIds) throws Exception;
}
