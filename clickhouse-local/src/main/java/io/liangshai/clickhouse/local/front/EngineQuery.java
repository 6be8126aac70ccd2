package io.liangshai.clickhouse.local.front;

import java.util.Map;

/**
 * One statement as the engine runs it: in {@code database}, with {@code settings} for this
 * statement only, rendering in {@code format}, binding {@code parameters} to {@code {name:Type}}.
 */
record EngineQuery(
    String database,
    Map<String, String> settings,
    byte[] sql,
    String format,
    Map<String, String> parameters) {}
