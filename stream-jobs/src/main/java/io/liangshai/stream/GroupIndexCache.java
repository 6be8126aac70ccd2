package io.liangshai.stream;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.util.function.SupplierWithException;

/**
 * The {@link GroupIndex}es of one subtask, kept in memory beside the keyed state they are derived
 * from. Bounded: once the indexes together hold more than {@code budget} entries, the least
 * recently used groups are dropped (never the one in use); a dropped or unknown group's index is
 * rebuilt from keyed state on its next change, so a restart or rescale needs nothing else.
 */
final class GroupIndexCache {

  private final long budget;
  private final LinkedHashMap<String, Cached> indexes = new LinkedHashMap<>(16, 0.75f, true);
  private long weight;

  GroupIndexCache(long budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be at least 1 entry, was " + budget);
    }
    this.budget = budget;
  }

  /** The index of {@code group}, built by {@code rebuild} when it is not held. */
  <E extends Exception> GroupIndex get(String group, SupplierWithException<GroupIndex, E> rebuild)
      throws E {
    Cached cached = indexes.get(group);
    if (cached == null) {
      cached = new Cached(rebuild.get());
      indexes.put(group, cached);
      weight += cached.weight;
    }
    return cached.index;
  }

  /**
   * Accounts for the change of size of {@code group}'s index, then drops least recently used other
   * groups until the budget holds.
   */
  void settle(String group) {
    Cached current = indexes.get(group);
    if (current != null) {
      int now = current.index.size();
      weight += now - current.weight;
      current.weight = now;
    }
    Iterator<Map.Entry<String, Cached>> eldest = indexes.entrySet().iterator();
    while (weight > budget && eldest.hasNext()) {
      Map.Entry<String, Cached> e = eldest.next();
      if (!e.getKey().equals(group)) {
        weight -= e.getValue().weight;
        eldest.remove();
      }
    }
  }

  /** Forgets {@code group}'s index (it may disagree with keyed state after a failed change). */
  void invalidate(String group) {
    Cached dropped = indexes.remove(group);
    if (dropped != null) {
      weight -= dropped.weight;
    }
  }

  /** How many groups are held. */
  int groups() {
    return indexes.size();
  }

  /** How many index entries are held in all. */
  long weight() {
    return weight;
  }

  private static final class Cached {
    final GroupIndex index;
    int weight;

    Cached(GroupIndex index) {
      this.index = index;
      this.weight = index.size();
    }
  }
}
