package io.liangshai.stream;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** One of the job's keyed operators in Flink's test harness, keyed by a string as in the job. */
final class KeyedHarness {

  private KeyedHarness() {}

  /** A harness around {@code function}, not yet opened (so that a test can restore state first). */
  static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> of(
      KeyedProcessFunction<String, I, O> function, KeySelector<I, String> key) throws Exception {
    return of(new KeyedProcessOperator<>(function), key);
  }

  /** A harness around {@code operator}, not yet opened. */
  static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> of(
      OneInputStreamOperator<I, O> operator, KeySelector<I, String> key) throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(operator, key, Types.STRING);
  }

  /** An opened harness around {@code function}. */
  static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> opened(
      KeyedProcessFunction<String, I, O> function, KeySelector<I, String> key) throws Exception {
    return opened(new KeyedProcessOperator<>(function), key);
  }

  /** An opened harness around {@code operator}. */
  static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> opened(
      OneInputStreamOperator<I, O> operator, KeySelector<I, String> key) throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, I, O> harness = of(operator, key);
    harness.open();
    return harness;
  }
}
