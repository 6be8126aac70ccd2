package io.liangshai.stream;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that keeps every element it is given, for a job run on a MiniCluster in this JVM (the
 * shape of flink-training's {@code TestSink}; a Sink V2 writer cannot reach accumulators, so the
 * elements go to a queue kept under the sink's id, shared by its parallel writers).
 */
final class TestSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;
  private static final Map<String, Queue<Object>> RECEIVED = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  TestSink() {
    RECEIVED.put(id, new ConcurrentLinkedQueue<>());
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    Queue<Object> received = RECEIVED.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context context) {
        received.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }

  /** What every writer of this sink was given, in no particular order across writers. */
  @SuppressWarnings("unchecked")
  List<T> results() {
    return (List<T>) List.copyOf(RECEIVED.get(id));
  }
}
